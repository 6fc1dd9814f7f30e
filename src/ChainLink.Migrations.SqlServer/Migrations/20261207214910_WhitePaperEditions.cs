using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChainLink.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class WhitePaperEditions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "WhitePaperEditions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Scope = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    ScopeName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Year = table.Column<int>(type: "int", nullable: false),
                    Revision = table.Column<int>(type: "int", nullable: false),
                    Note = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    MethodologyVersion = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    PublishedBy = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Docx = table.Column<byte[]>(type: "varbinary(max)", nullable: false),
                    Html = table.Column<byte[]>(type: "varbinary(max)", nullable: false),
                    DocxSha256 = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    HtmlSha256 = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WhitePaperEditions", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_WhitePaperEditions_Scope_Year_Revision",
                table: "WhitePaperEditions",
                columns: new[] { "Scope", "Year", "Revision" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "WhitePaperEditions");
        }
    }
}
