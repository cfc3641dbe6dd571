using GraphQL.Types;

namespace ProcurementGraph.Api.Features.Suppliers;

/// <summary><c>UpdateMySupplierContactInput</c>: a partner's own contact fields, nothing else.</summary>
public sealed class UpdateMySupplierContactInputGraphType : InputObjectGraphType
{
    public UpdateMySupplierContactInputGraphType()
    {
        Name = "UpdateMySupplierContactInput";
        Description = "Changes to your own supplier's contact details (partner portal). Fields left out keep their values.";
        Field<NonNullGraphType<StringGraphType>>("expectedVersion").Description("The `version` of your supplier as you read it.");
        this.AddContactFields();
    }
}
