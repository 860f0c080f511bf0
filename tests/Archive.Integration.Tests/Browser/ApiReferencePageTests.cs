using Microsoft.Playwright;

namespace Archive.Integration.Tests.Browser;

/// The interactive API reference, rendered by a real browser from the served OpenAPI document.
public sealed class ApiReferencePageTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    [SkippableFact]
    public async Task The_reference_page_renders_the_delivery_operations_and_runs_one()
    {
        var page = await host.Browser.NewPageAsync();
        await page.GotoAsync(host.BaseUrl + "/umbraco/swagger");
        await Assertions.Expect(page.GetByText("Archive Content Delivery API").First).ToBeVisibleAsync(new() { Timeout = 20_000 });
        var byKey = page.Locator(".opblock-summary", new() { HasText = "/umbraco/delivery/api/v2/content/item/{id}" }).First;
        await Assertions.Expect(byKey).ToBeVisibleAsync();

        // Try the query operation from the page.
        var query = page.Locator(".opblock", new() { Has = page.Locator(".opblock-summary-path", new() { HasTextRegex = new System.Text.RegularExpressions.Regex("^/umbraco/delivery/api/v2/content$") }) }).First;
        await query.Locator(".opblock-summary").ClickAsync();
        await query.GetByRole(AriaRole.Button, new() { Name = "Try it out" }).ClickAsync();
        await query.GetByRole(AriaRole.Button, new() { Name = "Execute" }).ClickAsync();
        await Assertions.Expect(query.Locator(".response .response-col_status").First).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("200"), new() { Timeout = 20_000 });
        await page.CloseAsync();
    }
}
