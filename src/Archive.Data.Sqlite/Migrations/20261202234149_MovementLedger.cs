using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Archive.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class MovementLedger : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ConditionChecks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Key = table.Column<Guid>(type: "TEXT", nullable: false),
                    Object = table.Column<Guid>(type: "TEXT", nullable: false),
                    Checked = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CheckedBy = table.Column<string>(type: "TEXT", nullable: false),
                    Grade = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Notes = table.Column<string>(type: "TEXT", nullable: true),
                    Photographs = table.Column<string>(type: "TEXT", nullable: true),
                    Movement = table.Column<Guid>(type: "TEXT", nullable: true),
                    Stop = table.Column<Guid>(type: "TEXT", nullable: true),
                    Supersedes = table.Column<Guid>(type: "TEXT", nullable: true),
                    Recorded = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConditionChecks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Crates",
                columns: table => new
                {
                    Key = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Description = table.Column<string>(type: "TEXT", nullable: true),
                    Created = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Crates", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "HomeLocations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Object = table.Column<Guid>(type: "TEXT", nullable: false),
                    Location = table.Column<Guid>(type: "TEXT", nullable: false),
                    Since = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Recorded = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HomeLocations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Movements",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Key = table.Column<Guid>(type: "TEXT", nullable: false),
                    Subject = table.Column<Guid>(type: "TEXT", nullable: false),
                    From = table.Column<Guid>(type: "TEXT", nullable: true),
                    To = table.Column<Guid>(type: "TEXT", nullable: false),
                    Departed = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Arrived = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    AuthorisedBy = table.Column<string>(type: "TEXT", nullable: true),
                    MovedBy = table.Column<string>(type: "TEXT", nullable: true),
                    Crate = table.Column<Guid>(type: "TEXT", nullable: true),
                    Stop = table.Column<Guid>(type: "TEXT", nullable: true),
                    Loan = table.Column<Guid>(type: "TEXT", nullable: true),
                    Note = table.Column<string>(type: "TEXT", nullable: true),
                    Supersedes = table.Column<Guid>(type: "TEXT", nullable: true),
                    Recorded = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Movements", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ConditionChecks_Key",
                table: "ConditionChecks",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ConditionChecks_Object_Checked",
                table: "ConditionChecks",
                columns: new[] { "Object", "Checked" });

            migrationBuilder.CreateIndex(
                name: "IX_ConditionChecks_Stop",
                table: "ConditionChecks",
                column: "Stop");

            migrationBuilder.CreateIndex(
                name: "IX_Crates_Number",
                table: "Crates",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HomeLocations_Location",
                table: "HomeLocations",
                column: "Location");

            migrationBuilder.CreateIndex(
                name: "IX_HomeLocations_Object_Since",
                table: "HomeLocations",
                columns: new[] { "Object", "Since" });

            migrationBuilder.CreateIndex(
                name: "IX_Movements_Crate",
                table: "Movements",
                column: "Crate");

            migrationBuilder.CreateIndex(
                name: "IX_Movements_Key",
                table: "Movements",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Movements_Stop",
                table: "Movements",
                column: "Stop");

            migrationBuilder.CreateIndex(
                name: "IX_Movements_Subject_Departed",
                table: "Movements",
                columns: new[] { "Subject", "Departed" });

            migrationBuilder.CreateIndex(
                name: "IX_Movements_Supersedes",
                table: "Movements",
                column: "Supersedes");

            migrationBuilder.CreateIndex(
                name: "IX_Movements_To",
                table: "Movements",
                column: "To");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ConditionChecks");

            migrationBuilder.DropTable(
                name: "Crates");

            migrationBuilder.DropTable(
                name: "HomeLocations");

            migrationBuilder.DropTable(
                name: "Movements");
        }
    }
}
