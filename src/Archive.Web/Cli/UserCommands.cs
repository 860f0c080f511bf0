using System.CommandLine;
using System.Text;
using Archive.Data;
using Archive.Identity;
using Microsoft.EntityFrameworkCore;

namespace Archive.Web.Cli;

/// Accounts are made on the command line, never shipped: `users create` for people and
/// `users create-api-client` for machine clients, the password or secret read from standard input.
public static class UserCommands
{
    public static Command Create(IServiceProvider services)
    {
        var email = new Option<string>("--email") { Description = "The person's e-mail address (also the user name).", Required = true };
        var name = new Option<string?>("--name") { Description = "The name shown in the audit trail (default: the e-mail or client id)." };
        var role = new Option<string>("--role") { Description = $"One of {string.Join(", ", Roles.All)}.", Required = true };
        var collection = new Option<Guid[]>("--collection") { Description = "An institution or collection the account may work in (editors and contributors; repeatable).", AllowMultipleArgumentsPerToken = false };
        var person = new Command("create", "Create a person's account; the password is read from standard input (not echoed).") { email, name, role, collection };
        person.SetAction(async (parse, ct) =>
        {
            var password = ReadSecret("Password: ");
            return await RunAsync(services, accounts => accounts.CreatePersonAsync(parse.GetValue(email)!, parse.GetValue(name), parse.GetValue(role)!, password,
                parse.GetValue(collection) ?? [], ct), $"Created {parse.GetValue(email)} ({parse.GetValue(role)}).", ct);
        });

        var clientId = new Option<string>("--client-id") { Description = $"The client id, starting with '{Accounts.ClientIdPrefix}'.", Required = true };
        var client = new Command("create-api-client", "Create an API client for OAuth client credentials; the secret is read from standard input (not echoed).") { clientId, name, role, collection };
        client.SetAction(async (parse, ct) =>
        {
            var secret = ReadSecret("Client secret: ");
            return await RunAsync(services, accounts => accounts.CreateApiClientAsync(parse.GetValue(clientId)!, parse.GetValue(name), parse.GetValue(role)!, secret,
                parse.GetValue(collection) ?? [], ct), $"Created the API client {parse.GetValue(clientId)} ({parse.GetValue(role)}).", ct);
        });
        return new Command("users", "Accounts for the Management API.") { person, client };
    }

    private static async Task<int> RunAsync(IServiceProvider services, Func<Accounts, Task<AccountResult>> create, string success, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ArchiveDbContext>().Database.MigrateAsync(ct);
        await scope.ServiceProvider.GetRequiredService<IdentityDb>().Database.MigrateAsync(ct);
        var result = await create(scope.ServiceProvider.GetRequiredService<Accounts>());
        if (result.Succeeded)
        {
            Console.WriteLine($"{success} Id {result.Id}.");
            return 0;
        }
        foreach (var problem in result.Problems)
            Console.Error.WriteLine($"{problem.Field}: {problem.Message}");
        return 1;
    }

    /// One line from standard input: piped as it is, typed at a terminal without echo.
    private static string ReadSecret(string prompt)
    {
        if (Console.IsInputRedirected)
            return Console.In.ReadLine()?.TrimEnd('\r') ?? "";
        Console.Error.Write(prompt);
        var secret = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
                break;
            if (key.Key == ConsoleKey.Backspace && secret.Length > 0)
                secret.Length--;
            else if (!char.IsControl(key.KeyChar))
                secret.Append(key.KeyChar);
        }
        Console.Error.WriteLine();
        return secret.ToString();
    }
}
