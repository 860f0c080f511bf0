namespace Archive.Engine.Movements;

/// A broken movement rule: the field it concerns, what is wrong, and the entry it conflicts with.
public sealed record MovementProblem(string Path, string Message, Guid? Conflicting = null);

/// The registrar's rules for a new ledger entry (Spectrum's location and movement control): a move goes somewhere
/// else, arrives after it departs, starts only once the subject's previous move has ended, and starts where the
/// ledger says the subject is; a correction replaces only the subject's latest entry.
public static class MovementRules
{
    public static IReadOnlyList<MovementProblem> Check(Movement entry, IReadOnlyList<Movement> ledger)
    {
        var problems = new List<MovementProblem>();
        if (!MovementReasons.All.Contains(entry.Reason))
            problems.Add(new("$.reason", $"'{entry.Reason}' is not a movement reason; use one of {string.Join(", ", MovementReasons.All)}."));
        if (entry.Arrived is { } arrived && arrived < entry.Departed)
            problems.Add(new("$.arrived", "The arrival is before the departure."));
        // Packing into a crate and unpacking from it happen where the object is; every other move goes elsewhere.
        if (entry.From is { } from && from == entry.To && entry.Reason is not (MovementReasons.Packing or MovementReasons.Unpacking))
            problems.Add(new("$.to", "A movement goes to another location than the one it leaves."));

        var standing = Ledger.Standing(ledger);
        if (entry.Supersedes is { } replaced)
        {
            if (standing.LastOrDefault() is not { } latest || latest.Key != replaced)
            {
                // An older entry conflicts with the rule (409); a key the ledger does not have is simply wrong (422).
                problems.Add(ledger.Any(m => m.Key == replaced)
                    ? new("$.supersedes", "Only the latest standing entry of a ledger can be corrected; record a new movement instead.", replaced)
                    : new("$.supersedes", $"No entry {replaced} in this ledger."));
                return problems;
            }
            standing = standing.Take(standing.Count - 1).ToList();
        }
        if (standing.LastOrDefault() is { } previous)
        {
            if (entry.Departed < previous.Ended)
                problems.Add(new("$.departed", $"The previous movement ({previous.Key}) ended {previous.Ended:yyyy-MM-dd HH:mm} UTC; a movement cannot start before it.", previous.Key));
            else if (entry.From is { } stated && stated != previous.To)
                problems.Add(new("$.from", $"The ledger has the subject at {previous.To} since movement {previous.Key}, not at {stated}.", previous.Key));
        }
        return problems;
    }
}
