using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Archive.Data.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class HarvestSequence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_HarvestRecords_Datestamp_Key",
                table: "HarvestRecords");

            migrationBuilder.AddColumn<long>(
                name: "Sequence",
                table: "HarvestRecords",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateIndex(
                name: "IX_HarvestRecords_Datestamp_Sequence_Key",
                table: "HarvestRecords",
                columns: new[] { "Datestamp", "Sequence", "Key" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_HarvestRecords_Datestamp_Sequence_Key",
                table: "HarvestRecords");

            migrationBuilder.DropColumn(
                name: "Sequence",
                table: "HarvestRecords");

            migrationBuilder.CreateIndex(
                name: "IX_HarvestRecords_Datestamp_Key",
                table: "HarvestRecords",
                columns: new[] { "Datestamp", "Key" });
        }
    }
}
