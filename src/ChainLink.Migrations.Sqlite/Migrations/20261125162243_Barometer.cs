using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChainLink.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Barometer : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "BarometerEditions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    QuarterIndex = table.Column<int>(type: "INTEGER", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    MethodologyVersion = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    ComputedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PublishedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    DemandCount = table.Column<int>(type: "INTEGER", nullable: false),
                    EnterpriseCount = table.Column<int>(type: "INTEGER", nullable: false),
                    ProgrammeCount = table.Column<int>(type: "INTEGER", nullable: false),
                    CollegeCount = table.Column<int>(type: "INTEGER", nullable: false),
                    CellCount = table.Column<int>(type: "INTEGER", nullable: false),
                    CellsJson = table.Column<byte[]>(type: "BLOB", nullable: false),
                    CellsCsv = table.Column<byte[]>(type: "BLOB", nullable: false),
                    JsonSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CsvSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BarometerEditions", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BarometerEditions_QuarterIndex_Revision",
                table: "BarometerEditions",
                columns: new[] { "QuarterIndex", "Revision" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BarometerEditions");
        }
    }
}
