using GraphQL.Types;

namespace ProcurementGraph.Toolkit.Mutations;

/// <summary>
/// One mutation in HotChocolate's conventions (<c>AddMutationConventions()</c> defaults):
/// <c>verbNoun(input: VerbNounInput!): VerbNounPayload!</c>, the payload holding the changed entity under its
/// camelCased type name and <c>errors: [VerbNounError!]</c>, a union of the error types.
/// </summary>
public sealed class MutationDefinition
{
    /// <summary>The field name, e.g. <c>updateSupplier</c>; the types are named from it (<c>UpdateSupplierInput</c>, ...).</summary>
    public required string Name { get; init; }

    public required string Description { get; init; }

    /// <summary>The input type; its name must be <c>{Name}Input</c> PascalCased.</summary>
    public required IInputObjectGraphType Input { get; init; }

    /// <summary>The entity type of the payload, e.g. <c>Supplier</c>.</summary>
    public required string EntityTypeName { get; init; }

    /// <summary>The payload's entity field; default: the entity type's name camelCased (HotChocolate's <c>PayloadFieldName</c>).</summary>
    public string? PayloadFieldName { get; init; }

    /// <summary>The payload field is a list of the entities (batches) instead of one.</summary>
    public bool ReturnsList { get; init; }

    /// <summary>The payload field is the removed row's ID instead of the entity (deletes: the row cannot be read back).</summary>
    public bool ReturnsId { get; init; }

    /// <summary>The error object types of the payload's union (graph types deriving from <see cref="MutationErrorGraphType{TError}"/>).</summary>
    public required IReadOnlyList<Type> Errors { get; init; }

    /// <summary>The handler, run inside the field's transaction.</summary>
    public required Func<MutationContext, Task<MutationResult>> Handler { get; init; }

    public string TypePrefix => char.ToUpperInvariant(Name[0]) + Name[1..];
}
