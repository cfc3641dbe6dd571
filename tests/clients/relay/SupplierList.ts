// Relay's way of reading the graph, checked by relay-compiler against the running server's schema: a paginated
// connection (@connection on Query.suppliers, @refetchable so Relay generates its pagination query), a @refetchable
// fragment on a Node type (Relay refetches it through Query.node(id:)), and a query that spreads it under node.
// relay-compiler only reads the graphql`` texts; this file is not compiled or run.
declare function graphql(strings: TemplateStringsArray): unknown;

export const supplierList = graphql`
  fragment SupplierList_query on Query
  @argumentDefinitions(first: { type: "Int", defaultValue: 5 }, after: { type: "String" })
  @refetchable(queryName: "SupplierListPaginationQuery") {
    suppliers(first: $first, after: $after, order: [{ name: ASC }]) @connection(key: "SupplierList_suppliers") {
      totalCount
      edges { node { id ...SupplierCard_supplier } }
    }
  }
`;

export const supplierCard = graphql`
  fragment SupplierCard_supplier on Supplier @refetchable(queryName: "SupplierCardRefetchQuery") {
    id
    name
    country
    riskLevel
    activeContractValue
    contracts(first: 3, order: [{ endDate: DESC }]) { totalCount nodes { number endDate } }
  }
`;

export const supplierListQuery = graphql`
  query SupplierListQuery {
    ...SupplierList_query
  }
`;

export const supplierByNodeQuery = graphql`
  query SupplierByNodeQuery($id: ID!) {
    node(id: $id) {
      ...SupplierCard_supplier @alias
    }
  }
`;
