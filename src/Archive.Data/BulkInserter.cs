using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Archive.Data;

/// Inserts many rows of a mapped entity with prepared INSERT statements, inside the context's current
/// transaction. Column names and value conversions come from the EF model, so it stays in step with
/// the migrations on every provider. For bulk imports, where change tracking costs more than the writes.
public static class BulkInserter
{
    public static async Task InsertAsync<T>(ArchiveDbContext db, IReadOnlyList<T> rows, CancellationToken ct) where T : class
    {
        if (rows.Count == 0)
            return;
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        // Database-generated keys are left to the database; keys set by the caller are written.
        var columns = entity.GetProperties()
            .Where(p => !(p.IsPrimaryKey() && p.ValueGenerated == ValueGenerated.OnAdd && p.PropertyInfo!.GetValue(rows[0]) is 0L))
            .Select(p => (Property: p, Column: p.GetColumnName(table)!, Mapping: (RelationalTypeMapping)p.GetRelationalTypeMapping()))
            .ToList();
        var sql = db.GetService<ISqlGenerationHelper>();
        // SQLite binds parameters by a linear name search, so one row per (reused) statement is fastest
        // there; PostgreSQL pays a round trip per statement, so it gets many rows per statement.
        var perStatement = db.Database.IsPostgres() ? Math.Max(1, 8_000 / columns.Count) : 1;
        DbCommand? full = null;
        try
        {
            foreach (var chunk in rows.Chunk(perStatement))
            {
                var command = chunk.Length == perStatement ? full ??= Prepare(db, sql, table, columns, perStatement) : Prepare(db, sql, table, columns, chunk.Length);
                var n = 0;
                foreach (var row in chunk)
                    foreach (var (property, _, _) in columns)
                        command.Parameters[n++].Value = property.GetTypeMapping().Converter is { } converter
                            ? converter.ConvertToProvider(property.PropertyInfo!.GetValue(row)) ?? DBNull.Value
                            : property.PropertyInfo!.GetValue(row) ?? DBNull.Value;
                await command.ExecuteNonQueryAsync(ct);
                if (command != full)
                    await command.DisposeAsync();
            }
        }
        finally
        {
            if (full is not null)
                await full.DisposeAsync();
        }
    }

    private static DbCommand Prepare(ArchiveDbContext db, ISqlGenerationHelper sql, StoreObjectIdentifier table,
        List<(IProperty Property, string Column, RelationalTypeMapping Mapping)> columns, int rowCount)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var text = new StringBuilder($"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Column)))}) VALUES ");
        var n = 0;
        for (var r = 0; r < rowCount; r++)
        {
            text.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < columns.Count; c++)
            {
                var name = $"p{n++}";
                var (property, _, mapping) = columns[c];
                command.Parameters.Add(mapping.CreateParameter(command, sql.GenerateParameterName(name), null, property.IsNullable));
                text.Append(c == 0 ? "" : ", ").Append(sql.GenerateParameterNamePlaceholder(name));
            }
            text.Append(')');
        }
        command.CommandText = text.ToString();
        return command;
    }
}
