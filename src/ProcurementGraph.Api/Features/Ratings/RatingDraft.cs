using System.Text.RegularExpressions;
using ProcurementGraph.Api.Data.Configurations;
using ProcurementGraph.Toolkit.Mutations;

namespace ProcurementGraph.Api.Features.Ratings;

/// <summary>A new rating as read and validated from one input item; null values were invalid (their errors are collected).</summary>
internal sealed partial class RatingDraft
{
    public required MutationInput Input { get; init; }

    public int? SupplierId { get; init; }

    public int? BusinessUnitId { get; init; }

    public int? CategoryId { get; init; }

    public int? ContractId { get; init; }

    public string? Period { get; init; }

    public int?[] Scores { get; init; } = [];

    public string? Comment { get; init; }

    /// <summary>Reads one item; every value that does not fit adds an error naming its field (with the item's index in a batch).</summary>
    public static RatingDraft Read(MutationInput input, InputValidator validation) => new()
    {
        Input = input,
        SupplierId = validation.Key(input, "supplierId", "Supplier", required: true),
        BusinessUnitId = validation.Key(input, "businessUnitId", "BusinessUnit", required: false),
        CategoryId = validation.Key(input, "categoryId", "Category", required: false),
        ContractId = validation.Key(input, "contractId", "Contract", required: false),
        Period = ReadPeriod(input, validation, required: true),
        Scores = [.. RatingInputFields.Scores.Select(s => validation.WholeNumber(input, s.Name, 1, 5, required: true))],
        Comment = validation.Text(input, "comment", ModelConventions.TextLength, required: false),
    };

    public static string? ReadPeriod(MutationInput input, InputValidator validation, bool required)
    {
        var period = validation.Text(input, "period", 7, required);
        if (period is not null && !PeriodPattern().IsMatch(period))
        {
            validation.Invalid(input, "period", ValidationCodes.InvalidFormat, $"`{input.Path("period")}` must be a quarter like `2026-Q3`.");
            return null;
        }

        return period;
    }

    [GeneratedRegex("^[0-9]{4}-Q[1-4]$", RegexOptions.CultureInvariant)]
    private static partial Regex PeriodPattern();
}
