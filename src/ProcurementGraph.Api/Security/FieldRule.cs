namespace ProcurementGraph.Api.Security;

/// <summary>One row of the access table: who may read <see cref="Field"/> of the GraphQL type <see cref="Type"/>.</summary>
public sealed record FieldRule(string Type, string Field, ReadAccess Access);
