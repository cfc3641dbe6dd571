// The Apollo app's own operations, written as a team writes them beside its components (gql from '@apollo/client').
// Apollo's generate-persisted-query-manifest reads this file (persisted-query-manifest.config.json) together with the
// README's operations, and the tests import the same documents, so what the link sends is what the manifest holds.
import { gql } from '@apollo/client';

// Paged with relayStylePagination and fetchMore (apollo.test.mjs).
export const SUPPLIER_PAGES = gql`
  query SupplierPages($first: Int!, $after: String) {
    suppliers(first: $first, after: $after, order: [{ name: ASC }]) {
      totalCount
      edges { cursor node { id name country } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

// A fragment written above the query that spreads it, as component code usually has it. Apollo's manifest generator
// prints the operation first (sortTopLevelDefinitions); the link's plain sha256 hashes the order written here.
export const SUPPLIER_CONTRACTS = gql`
  fragment ContractLine on Contract {
    number
    status
    endDate
    annualValue
  }

  query SupplierContracts($id: ID!) {
    supplier(id: $id) {
      id
      name
      contracts(first: 2, order: [{ endDate: DESC }]) {
        nodes { ...ContractLine }
      }
    }
  }
`;
