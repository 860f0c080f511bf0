using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Archive.Data.Sqlite.Migrations.Identity
{
    /// <inheritdoc />
    public partial class UserLanguage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "LanguageIsoCode",
                table: "AspNetUsers",
                type: "TEXT",
                maxLength: 32,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "LanguageIsoCode",
                table: "AspNetUsers");
        }
    }
}
