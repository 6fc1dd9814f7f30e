using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChainLink.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Cooperation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CooperationAudit",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RecordType = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    RecordId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgreementId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Action = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Before = table.Column<string>(type: "TEXT", nullable: true),
                    After = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CooperationAudit", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "InboxItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    RecordType = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    RecordId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReadAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InboxItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InboxItems_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TechnologyNeeds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Problem = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Field = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    BudgetMin = table.Column<long>(type: "INTEGER", nullable: false),
                    BudgetMax = table.Column<long>(type: "INTEGER", nullable: false),
                    Deadline = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TechnologyNeeds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TechnologyNeeds_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Proposals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FromOrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ToOrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DemandId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ProgrammeId = table.Column<Guid>(type: "TEXT", nullable: true),
                    TechnologyNeedId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Modes = table.Column<int>(type: "INTEGER", nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ValidUntil = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EntityKind = table.Column<int>(type: "INTEGER", nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    DeclineReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AnsweredAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AgreementId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Proposals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Proposals_Demands_DemandId",
                        column: x => x.DemandId,
                        principalTable: "Demands",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Proposals_Organisations_FromOrganisationId",
                        column: x => x.FromOrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Proposals_Organisations_ToOrganisationId",
                        column: x => x.ToOrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Proposals_Programmes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "Programmes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Proposals_TechnologyNeeds_TechnologyNeedId",
                        column: x => x.TechnologyNeedId,
                        principalTable: "TechnologyNeeds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Agreements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProposalId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FirstPartyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SecondPartyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DemandId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ProgrammeId = table.Column<Guid>(type: "TEXT", nullable: true),
                    TechnologyNeedId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Modes = table.Column<int>(type: "INTEGER", nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EntityKind = table.Column<int>(type: "INTEGER", nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SuspendedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    EndedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    StatusReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Agreements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Agreements_Organisations_FirstPartyId",
                        column: x => x.FirstPartyId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Agreements_Organisations_SecondPartyId",
                        column: x => x.SecondPartyId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Agreements_Proposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "Proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Investments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartyOrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    PlannedFunds = table.Column<long>(type: "INTEGER", nullable: false),
                    ActualFunds = table.Column<long>(type: "INTEGER", nullable: false),
                    EquipmentValue = table.Column<long>(type: "INTEGER", nullable: false),
                    StaffHours = table.Column<int>(type: "INTEGER", nullable: false),
                    AgreementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReportedByOrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReportedByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReportedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    DisputeReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    DisputeCount = table.Column<int>(type: "INTEGER", nullable: false),
                    ReviewedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReviewedByOrganisationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Investments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Investments_Agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "Agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Investments_Organisations_PartyOrganisationId",
                        column: x => x.PartyOrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Outcomes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Quantity = table.Column<int>(type: "INTEGER", nullable: false),
                    ContractValue = table.Column<long>(type: "INTEGER", nullable: true),
                    ProgrammeId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PatentNumbers = table.Column<string>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    AgreementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReportedByOrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReportedByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReportedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    DisputeReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    DisputeCount = table.Column<int>(type: "INTEGER", nullable: false),
                    ReviewedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReviewedByOrganisationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Outcomes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Outcomes_Agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "Agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Outcomes_Programmes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "Programmes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Agreements_FirstPartyId",
                table: "Agreements",
                column: "FirstPartyId");

            migrationBuilder.CreateIndex(
                name: "IX_Agreements_ProposalId",
                table: "Agreements",
                column: "ProposalId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Agreements_SecondPartyId",
                table: "Agreements",
                column: "SecondPartyId");

            migrationBuilder.CreateIndex(
                name: "IX_Agreements_Status_EndDate",
                table: "Agreements",
                columns: new[] { "Status", "EndDate" });

            migrationBuilder.CreateIndex(
                name: "IX_CooperationAudit_AgreementId",
                table: "CooperationAudit",
                column: "AgreementId");

            migrationBuilder.CreateIndex(
                name: "IX_CooperationAudit_RecordType_RecordId",
                table: "CooperationAudit",
                columns: new[] { "RecordType", "RecordId" });

            migrationBuilder.CreateIndex(
                name: "IX_InboxItems_OrganisationId_Kind_RecordId",
                table: "InboxItems",
                columns: new[] { "OrganisationId", "Kind", "RecordId" });

            migrationBuilder.CreateIndex(
                name: "IX_InboxItems_OrganisationId_ReadAt_CreatedAt",
                table: "InboxItems",
                columns: new[] { "OrganisationId", "ReadAt", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Investments_AgreementId_Year",
                table: "Investments",
                columns: new[] { "AgreementId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_Investments_PartyOrganisationId",
                table: "Investments",
                column: "PartyOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_Investments_Status_Year",
                table: "Investments",
                columns: new[] { "Status", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_Outcomes_AgreementId_Year",
                table: "Outcomes",
                columns: new[] { "AgreementId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_Outcomes_ProgrammeId",
                table: "Outcomes",
                column: "ProgrammeId");

            migrationBuilder.CreateIndex(
                name: "IX_Outcomes_Status_Kind_Year",
                table: "Outcomes",
                columns: new[] { "Status", "Kind", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_DemandId",
                table: "Proposals",
                column: "DemandId");

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_FromOrganisationId_CreatedAt",
                table: "Proposals",
                columns: new[] { "FromOrganisationId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_ProgrammeId",
                table: "Proposals",
                column: "ProgrammeId");

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_TechnologyNeedId",
                table: "Proposals",
                column: "TechnologyNeedId");

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_ToOrganisationId_CreatedAt",
                table: "Proposals",
                columns: new[] { "ToOrganisationId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_TechnologyNeeds_OrganisationId",
                table: "TechnologyNeeds",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_TechnologyNeeds_Status_CreatedAt",
                table: "TechnologyNeeds",
                columns: new[] { "Status", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CooperationAudit");

            migrationBuilder.DropTable(
                name: "InboxItems");

            migrationBuilder.DropTable(
                name: "Investments");

            migrationBuilder.DropTable(
                name: "Outcomes");

            migrationBuilder.DropTable(
                name: "Agreements");

            migrationBuilder.DropTable(
                name: "Proposals");

            migrationBuilder.DropTable(
                name: "TechnologyNeeds");
        }
    }
}
