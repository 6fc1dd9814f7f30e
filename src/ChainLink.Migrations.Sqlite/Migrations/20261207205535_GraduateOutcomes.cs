using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChainLink.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class GraduateOutcomes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "GraduateOutcomes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProgrammeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    GraduationYear = table.Column<int>(type: "INTEGER", nullable: false),
                    Graduates = table.Column<int>(type: "INTEGER", nullable: false),
                    EmployedAtSixMonths = table.Column<int>(type: "INTEGER", nullable: false),
                    EmployedInMajor = table.Column<int>(type: "INTEGER", nullable: false),
                    RetainedAfterYear = table.Column<int>(type: "INTEGER", nullable: true),
                    MedianStartingPay = table.Column<int>(type: "INTEGER", nullable: true),
                    ReportedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GraduateOutcomes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GraduateOutcomes_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_GraduateOutcomes_Programmes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "Programmes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_GraduateOutcomes_OrganisationId_GraduationYear",
                table: "GraduateOutcomes",
                columns: new[] { "OrganisationId", "GraduationYear" });

            migrationBuilder.CreateIndex(
                name: "IX_GraduateOutcomes_ProgrammeId_GraduationYear",
                table: "GraduateOutcomes",
                columns: new[] { "ProgrammeId", "GraduationYear" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "GraduateOutcomes");
        }
    }
}
