using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChainLink.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class GrownTaxonomy : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Rows of an existing database are the curated skills and links: plain skills, links of curation's trust (2).
            migrationBuilder.AddColumn<string>(
                name: "Sources",
                table: "Skills",
                type: "nvarchar(80)",
                maxLength: 80,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Type",
                table: "Skills",
                type: "nvarchar(12)",
                maxLength: 12,
                nullable: false,
                defaultValue: "Skill");

            migrationBuilder.AddColumn<int>(
                name: "Weight",
                table: "MajorOccupations",
                type: "int",
                nullable: false,
                defaultValue: 2);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Sources",
                table: "Skills");

            migrationBuilder.DropColumn(
                name: "Type",
                table: "Skills");

            migrationBuilder.DropColumn(
                name: "Weight",
                table: "MajorOccupations");
        }
    }
}
