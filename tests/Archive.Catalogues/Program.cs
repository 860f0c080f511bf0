using Archive.Catalogues.Schema;

// Writes the archive's schema (and, with "demo", the demo catalogue) as uSync files:
//   dotnet run --project tests/Archive.Catalogues -- schema uSync/v17
//   dotnet run --project tests/Archive.Catalogues -- demo uSync/v17 media
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: schema <uSync folder> | demo <uSync folder> <media folder>");
    return 2;
}
switch (args[0])
{
    case "schema":
        SchemaWriter.Write(args[1]);
        break;
    case "demo":
        SchemaWriter.Write(args[1]);
        Archive.Catalogues.Demo.DemoWriter.Write(args[1], args[2]);
        break;
    default:
        Console.Error.WriteLine($"unknown command '{args[0]}'");
        return 2;
}
return 0;
