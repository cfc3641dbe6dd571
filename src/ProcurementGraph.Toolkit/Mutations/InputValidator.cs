using System.Globalization;
using System.Net.Mail;
using ProcurementGraph.Toolkit.Relay;

namespace ProcurementGraph.Toolkit.Mutations;

/// <summary>
/// Reads typed values from a <see cref="MutationInput"/> and collects a <see cref="ValidationError"/> (or
/// <see cref="NotFoundError"/> for IDs of another type) naming the input field for every value that does not fit.
/// </summary>
public sealed class InputValidator
{
    private static readonly Lazy<HashSet<string>> Countries = new(() => Regions().Select(r => r.TwoLetterISORegionName).ToHashSet(StringComparer.Ordinal));
    private static readonly Lazy<HashSet<string>> Currencies = new(() => Regions().Select(r => r.ISOCurrencySymbol).ToHashSet(StringComparer.Ordinal));

    private readonly List<MutationError> _errors = [];

    public IReadOnlyList<MutationError> Errors => _errors;

    public bool IsValid => _errors.Count == 0;

    public void Add(MutationError error) => _errors.Add(error);

    public void Invalid(MutationInput input, string name, string code, string message) =>
        _errors.Add(new ValidationError(input.Path(name), code, message, input.Index));

    /// <summary>Text, trimmed; required: present and not blank. Longer than <paramref name="maxLength"/>: TOO_LONG.</summary>
    public string? Text(MutationInput input, string name, int maxLength, bool required)
    {
        var value = (input[name] as string)?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            if (required)
            {
                Invalid(input, name, ValidationCodes.Required, $"`{input.Path(name)}` is required.");
            }

            return null;
        }

        if (value.Length > maxLength)
        {
            Invalid(input, name, ValidationCodes.TooLong, $"`{input.Path(name)}` is longer than {maxLength} characters.");
            return null;
        }

        return value;
    }

    public string? Email(MutationInput input, string name, int maxLength, bool required)
    {
        var value = Text(input, name, maxLength, required);
        if (value is not null && !(MailAddress.TryCreate(value, out var address) && address.Address == value && value.Contains('.', StringComparison.Ordinal)))
        {
            Invalid(input, name, ValidationCodes.InvalidFormat, $"`{input.Path(name)}` is not an e-mail address.");
            return null;
        }

        return value;
    }

    public string? Url(MutationInput input, string name, int maxLength, bool required)
    {
        var value = Text(input, name, maxLength, required);
        if (value is not null && !(Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && uri.Host.Contains('.', StringComparison.Ordinal)))
        {
            Invalid(input, name, ValidationCodes.InvalidFormat, $"`{input.Path(name)}` is not an http(s) URL.");
            return null;
        }

        return value;
    }

    /// <summary>An ISO 3166 alpha-2 country code (upper-cased).</summary>
    public string? Country(MutationInput input, string name, bool required) =>
        Coded(input, name, required, 2, Countries.Value, "an ISO 3166 alpha-2 country code");

    /// <summary>An ISO 4217 currency code (upper-cased).</summary>
    public string? Currency(MutationInput input, string name, bool required) =>
        Coded(input, name, required, 3, Currencies.Value, "an ISO 4217 currency code");

    public int? WholeNumber(MutationInput input, string name, int min, int max, bool required)
    {
        if (!Present(input, name, required) || input[name] is not int value)
        {
            return null;
        }

        if (value < min || value > max)
        {
            Invalid(input, name, ValidationCodes.OutOfRange, $"`{input.Path(name)}` must be between {min} and {max}.");
            return null;
        }

        return value;
    }

    /// <summary>A decimal that fits a column of <paramref name="precision"/> digits with <paramref name="scale"/> decimals, at least <paramref name="min"/>.</summary>
    public decimal? Number(MutationInput input, string name, int precision, int scale, decimal min, bool required, decimal? max = null)
    {
        if (!Present(input, name, required) || input[name] is not { } raw)
        {
            return null;
        }

        decimal value;
        try
        {
            value = Convert.ToDecimal(raw, CultureInfo.InvariantCulture);
        }
        catch (OverflowException)
        {
            Invalid(input, name, ValidationCodes.OutOfRange, $"`{input.Path(name)}` is far too large.");
            return null;
        }

        var limit = max ?? (decimal)Math.Pow(10, precision - scale);
        if (value < min || (max is null ? Math.Abs(value) >= limit : value > limit))
        {
            var bound = max is null ? $"less than {limit.ToString(CultureInfo.InvariantCulture)}" : $"at most {limit.ToString(CultureInfo.InvariantCulture)}";
            Invalid(input, name, ValidationCodes.OutOfRange, $"`{input.Path(name)}` must be at least {min.ToString(CultureInfo.InvariantCulture)} and {bound}.");
            return null;
        }

        if (decimal.Round(value, scale) != value)
        {
            Invalid(input, name, ValidationCodes.InvalidFormat, $"`{input.Path(name)}` has more than {scale} decimals.");
            return null;
        }

        return value;
    }

    public DateOnly? Date(MutationInput input, string name, bool required) =>
        Present(input, name, required) && input[name] is DateOnly value ? value : null;

    public bool? Bool(MutationInput input, string name, bool required) =>
        Present(input, name, required) && input[name] is bool value ? value : null;

    public TEnum? Enum<TEnum>(MutationInput input, string name, bool required)
        where TEnum : struct, Enum =>
        Present(input, name, required) && input[name] is TEnum value ? value : null;

    /// <summary>The key inside a global ID of <paramref name="typeName"/>; a malformed ID is INVALID_FORMAT, another type's ID not found.</summary>
    public int? Key(MutationInput input, string name, string typeName, bool required)
    {
        if (!Present(input, name, required) || input[name] is not string id)
        {
            return null;
        }

        if (!GlobalId.TryDecode(id, out var idType, out var text))
        {
            Invalid(input, name, ValidationCodes.InvalidFormat, $"`{input.Path(name)}` is not a valid ID.");
            return null;
        }

        if (idType != typeName || !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var key) || key <= 0)
        {
            _errors.Add(new NotFoundError(input.Path(name), id, input.Index));
            return null;
        }

        return key;
    }

    /// <summary>A not-found error for the ID in <paramref name="name"/> (it names no row the caller may see).</summary>
    public void NotFound(MutationInput input, string name) =>
        _errors.Add(new NotFoundError(input.Path(name), input[name] as string ?? string.Empty, input.Index));

    private string? Coded(MutationInput input, string name, bool required, int length, HashSet<string> known, string what)
    {
        var value = Text(input, name, length * 4, required)?.ToUpperInvariant();
        if (value is not null && (value.Length != length || !known.Contains(value)))
        {
            Invalid(input, name, ValidationCodes.InvalidValue, $"`{input.Path(name)}` is not {what}.");
            return null;
        }

        return value;
    }

    private bool Present(MutationInput input, string name, bool required)
    {
        if (input[name] is not null)
        {
            return true;
        }

        if (required)
        {
            Invalid(input, name, ValidationCodes.Required, $"`{input.Path(name)}` is required.");
        }

        return false;
    }

    private static IEnumerable<RegionInfo> Regions() =>
        CultureInfo.GetCultures(CultureTypes.SpecificCultures)
            .Select(c =>
            {
                try
                {
                    return new RegionInfo(c.Name);
                }
                catch (ArgumentException)
                {
                    return null;
                }
            })
            .OfType<RegionInfo>()
            .Where(r => r.TwoLetterISORegionName.Length == 2 && r.TwoLetterISORegionName.All(char.IsAsciiLetterUpper));
}
