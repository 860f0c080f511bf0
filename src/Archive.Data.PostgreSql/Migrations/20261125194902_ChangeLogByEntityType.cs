using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Archive.Data.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class ChangeLogByEntityType : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_ChangeLog_EntityType_Id",
                table: "ChangeLog",
                columns: new[] { "EntityType", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ChangeLog_EntityType_Id",
                table: "ChangeLog");
        }
    }
}
