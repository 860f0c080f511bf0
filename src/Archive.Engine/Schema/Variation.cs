namespace Archive.Engine.Schema;

/// Umbraco's ContentVariation names, as uSync writes them.
public enum Variation
{
    Nothing,
    Culture,
    Segment,
    CultureAndSegment,
}

public static class VariationExtensions
{
    public static bool VariesByCulture(this Variation variation) =>
        variation is Variation.Culture or Variation.CultureAndSegment;
}
