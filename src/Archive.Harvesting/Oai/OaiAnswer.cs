using System.Xml;

namespace Archive.Harvesting.Oai;

/// A verb's answer: the errors that stop it, or what it writes inside the envelope.
public sealed record OaiAnswer(IReadOnlyList<OaiError> Errors, Action<XmlWriter>? Write)
{
    public static OaiAnswer Error(string code, string message) => new([new OaiError(code, message)], null);

    public static OaiAnswer Of(Action<XmlWriter> write) => new([], write);
}
