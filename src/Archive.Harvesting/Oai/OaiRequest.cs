using System.Globalization;
using System.Text.RegularExpressions;

namespace Archive.Harvesting.Oai;

/// An OAI-PMH error as the protocol names it (section 3.6), with a message for people.
public sealed record OaiError(string Code, string Message);

/// A harvest's date bound, with the granularity it was written in.
public sealed record OaiDate(DateTime Value, bool DayOnly);

/// The arguments of one OAI-PMH request (GET query or POST form), checked against the verb's rules: required,
/// optional and exclusive arguments, no repeats, no strangers, dates in the repository's granularities. A request
/// that breaks them is answered with `badVerb` or `badArgument`, and its `<request>` element then echoes no argument.
public sealed partial record OaiRequest(string Verb, IReadOnlyDictionary<string, string> Arguments)
{
    public static readonly IReadOnlyDictionary<string, (string[] Required, string[] Optional, string? Exclusive)> Verbs =
        new Dictionary<string, (string[], string[], string?)>(StringComparer.Ordinal)
        {
            ["Identify"] = ([], [], null),
            ["ListMetadataFormats"] = ([], ["identifier"], null),
            ["ListSets"] = ([], [], "resumptionToken"),
            ["GetRecord"] = (["identifier", "metadataPrefix"], [], null),
            ["ListIdentifiers"] = (["metadataPrefix"], ["from", "until", "set"], "resumptionToken"),
            ["ListRecords"] = (["metadataPrefix"], ["from", "until", "set"], "resumptionToken"),
        };

    public string? this[string name] => Arguments.GetValueOrDefault(name);

    /// The request read from its arguments, or the errors that stop it (a bad verb, or bad arguments).
    public static (OaiRequest? Request, IReadOnlyList<OaiError> Errors) Parse(IEnumerable<KeyValuePair<string, string[]>> raw)
    {
        var values = raw.ToList();
        var verbs = values.Where(v => v.Key == "verb").SelectMany(v => v.Value).ToList();
        if (verbs.Count != 1 || !Verbs.TryGetValue(verbs[0], out var rules))
            return (null, [new OaiError("badVerb", verbs.Count switch
            {
                0 => "The request has no verb.",
                1 => $"'{verbs[0]}' is not an OAI-PMH verb.",
                _ => "The verb is given more than once.",
            })]);
        var verb = verbs[0];
        var errors = new List<OaiError>();
        var arguments = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, given) in values.Where(v => v.Key != "verb"))
        {
            if (!rules.Required.Contains(name) && !rules.Optional.Contains(name) && rules.Exclusive != name)
                errors.Add(new OaiError("badArgument", $"'{name}' is not an argument of {verb}."));
            else if (given.Length != 1)
                errors.Add(new OaiError("badArgument", $"'{name}' is given more than once."));
            else
                arguments[name] = given[0];
        }
        if (rules.Exclusive is { } exclusive && arguments.ContainsKey(exclusive))
        {
            if (arguments.Count > 1)
                errors.Add(new OaiError("badArgument", $"{exclusive} is an exclusive argument: nothing but the verb may come with it."));
        }
        else
        {
            foreach (var required in rules.Required.Where(r => !arguments.ContainsKey(r)))
                errors.Add(new OaiError("badArgument", $"{verb} needs the argument '{required}'."));
        }
        var from = arguments.TryGetValue("from", out var f) ? ParseDate(f, "from", errors) : null;
        var until = arguments.TryGetValue("until", out var u) ? ParseDate(u, "until", errors) : null;
        if (from is not null && until is not null)
        {
            if (from.DayOnly != until.DayOnly)
                errors.Add(new OaiError("badArgument", "'from' and 'until' must be written in the same granularity."));
            else if (from.Value > until.Value)
                errors.Add(new OaiError("badArgument", "'from' is later than 'until'."));
        }
        if (arguments.TryGetValue("set", out var set) && !SetSpec().IsMatch(set))
            errors.Add(new OaiError("badArgument", $"'{set}' is not a set spec."));
        if (arguments.TryGetValue("metadataPrefix", out var prefix) && !Prefix().IsMatch(prefix))
            errors.Add(new OaiError("badArgument", $"'{prefix}' is not a metadata prefix."));
        return errors.Count > 0 ? (null, errors) : (new OaiRequest(verb, arguments), []);
    }

    /// `YYYY-MM-DD` or `YYYY-MM-DDThh:mm:ssZ`, the repository's two granularities; anything finer or looser is refused.
    public static OaiDate? ParseDate(string text, string name, List<OaiError>? errors)
    {
        if (DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var day))
            return new OaiDate(DateTime.SpecifyKind(day, DateTimeKind.Utc), true);
        if (DateTime.TryParseExact(text, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var second))
            return new OaiDate(DateTime.SpecifyKind(second, DateTimeKind.Utc), false);
        errors?.Add(new OaiError("badArgument", $"'{name}' must be a UTC date (YYYY-MM-DD) or date and time to the second (YYYY-MM-DDThh:mm:ssZ)."));
        return null;
    }

    [GeneratedRegex(@"^([A-Za-z0-9\-_\.!~\*'\(\)])+(:[A-Za-z0-9\-_\.!~\*'\(\)]+)*$")]
    private static partial Regex SetSpec();

    [GeneratedRegex(@"^[A-Za-z0-9\-_\.!~\*'\(\)]+$")]
    private static partial Regex Prefix();
}
