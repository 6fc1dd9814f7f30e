using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChainLink.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class OrganisationApproval : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "NameKey",
                table: "Organisations",
                type: "TEXT",
                maxLength: 400,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RejectionReason",
                table: "Organisations",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ReviewedAt",
                table: "Organisations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ReviewedByUserId",
                table: "Organisations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Status",
                table: "Organisations",
                type: "INTEGER",
                nullable: false,
                // Organisations stored before approvals existed were public: they stay approved (OrganisationStatus.Approved).
                defaultValue: 2);

            migrationBuilder.CreateIndex(
                name: "IX_Organisations_NameKey",
                table: "Organisations",
                column: "NameKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Organisations_Status",
                table: "Organisations",
                column: "Status");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Organisations_NameKey",
                table: "Organisations");

            migrationBuilder.DropIndex(
                name: "IX_Organisations_Status",
                table: "Organisations");

            migrationBuilder.DropColumn(
                name: "NameKey",
                table: "Organisations");

            migrationBuilder.DropColumn(
                name: "RejectionReason",
                table: "Organisations");

            migrationBuilder.DropColumn(
                name: "ReviewedAt",
                table: "Organisations");

            migrationBuilder.DropColumn(
                name: "ReviewedByUserId",
                table: "Organisations");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "Organisations");
        }
    }
}
