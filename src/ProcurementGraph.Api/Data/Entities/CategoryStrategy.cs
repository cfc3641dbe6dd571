namespace ProcurementGraph.Api.Data.Entities;

/// <summary>The Kraljic quadrant a category is managed in.</summary>
[System.ComponentModel.Description("The Kraljic quadrant a category is managed in.")]
public enum CategoryStrategy
{
    Strategic = 1,
    Leverage = 2,
    Bottleneck = 3,
    Routine = 4,
}
