using System.Net;
using System.Text;
using System.Text.Json;

namespace Archive.BackOffice.Hosting;

/// The page every back-office URL answers with (/umbraco, deep links under /umbraco/section/, the OAuth
/// return and sign-out pages): Umbraco's stylesheets, its import map and the <umb-app> element that boots.
public static class BackOfficeHostPage
{
    public static string Render(BackOfficeFiles files, bool keepUserLoggedIn)
    {
        var importMap = JsonSerializer.Serialize(new { imports = files.Imports }, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Default });
        var assets = files.Base;
        var html = new StringBuilder();
        html.Append($"""
            <!doctype html>
            <html lang="en" dir="ltr">
            <head>
            <meta charset="utf-8">
            <base href="/umbraco/">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="robots" content="noindex, nofollow">
            <meta name="generator" content="Archive; Umbraco back office {WebUtility.HtmlEncode(files.Version)}">
            <title>Archive</title>
            <link rel="stylesheet" href="{assets}/css/umb-css.css">
            <link rel="stylesheet" href="{assets}/css/uui-css.css">
            <script type="importmap">{importMap}</script>
            <script type="module" src="{assets}/apps/app/app.element.js"></script>
            </head>
            <body class="uui-font uui-text" style="margin: 0; padding: 0; overflow: hidden">
            <noscript><p style="padding: 2rem">The archive's back office needs JavaScript. Қосымшаға JavaScript қажет. Для работы нужен JavaScript.</p></noscript>
            <umb-app{(keepUserLoggedIn ? " keep-user-logged-in" : "")}></umb-app>
            </body>
            </html>
            """);
        return html.ToString();
    }
}
