using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Archive.Data.PostgreSql.Migrations
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Key = table.Column<Guid>(type: "uuid", nullable: false),
                    Object = table.Column<Guid>(type: "uuid", nullable: false),
                    Checked = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CheckedBy = table.Column<string>(type: "text", nullable: false),
                    Grade = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Notes = table.Column<string>(type: "text", nullable: true),
                    Photographs = table.Column<string>(type: "text", nullable: true),
                    Movement = table.Column<Guid>(type: "uuid", nullable: true),
                    Stop = table.Column<Guid>(type: "uuid", nullable: true),
                    Supersedes = table.Column<Guid>(type: "uuid", nullable: true),
                    Recorded = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConditionChecks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Crates",
                columns: table => new
                {
                    Key = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Description = table.Column<string>(type: "text", nullable: true),
                    Created = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Crates", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "HomeLocations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Object = table.Column<Guid>(type: "uuid", nullable: false),
                    Location = table.Column<Guid>(type: "uuid", nullable: false),
                    Since = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Recorded = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HomeLocations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Movements",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Key = table.Column<Guid>(type: "uuid", nullable: false),
                    Subject = table.Column<Guid>(type: "uuid", nullable: false),
                    From = table.Column<Guid>(type: "uuid", nullable: true),
                    To = table.Column<Guid>(type: "uuid", nullable: false),
                    Departed = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Arrived = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Reason = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    AuthorisedBy = table.Column<string>(type: "text", nullable: true),
                    MovedBy = table.Column<string>(type: "text", nullable: true),
                    Crate = table.Column<Guid>(type: "uuid", nullable: true),
                    Stop = table.Column<Guid>(type: "uuid", nullable: true),
                    Loan = table.Column<Guid>(type: "uuid", nullable: true),
                    Note = table.Column<string>(type: "text", nullable: true),
                    Supersedes = table.Column<Guid>(type: "uuid", nullable: true),
                    Recorded = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "text", nullable: false)
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
