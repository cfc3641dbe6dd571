namespace ProcurementGraph.Toolkit.Mutations;

/// <summary>The codes of <see cref="ValidationError"/>.</summary>
public static class ValidationCodes
{
    public const string Required = "REQUIRED";
    public const string TooLong = "TOO_LONG";
    public const string OutOfRange = "OUT_OF_RANGE";
    public const string InvalidFormat = "INVALID_FORMAT";
    public const string InvalidValue = "INVALID_VALUE";
    public const string Duplicate = "DUPLICATE";
    public const string NotLinked = "NOT_LINKED";
    public const string TooMany = "TOO_MANY";
}
