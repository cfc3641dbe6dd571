const day = (offset) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

// Mixed, realistic read traffic: the README's front-end screens, a partner-style lookup and BI paging.
// Each entry is one GraphQL request body; the load cycles through them on every connection.
export const queries = [
  {
    name: 'supplierScorecard',
    query: `query SupplierScorecard {
      supplier(id: "U3VwcGxpZXI6MQ==") {
        name country riskLevel activeContractValue
        contracts(first: 2, order: [{ endDate: DESC }]) {
          totalCount
          nodes { number status endDate annualValue annualSavings category { code name } }
        }
        ratingSummary { count averageOverall averageValueWeightedScore }
      }
    }`,
  },
  {
    name: 'expiringContracts',
    query: `query ExpiringContracts {
      contracts(first: 10, where: { status: { eq: ACTIVE }, endDate: { gte: "${day(0)}", lte: "${day(90)}" } }, order: [{ endDate: ASC }]) {
        totalCount
        nodes { number endDate daysToExpiry noticePeriodDays isExpiringSoon supplier { name } owner { name } }
      }
    }`,
  },
  {
    name: 'goalDashboard',
    query: `query GoalDashboard {
      strategicGoals(first: 5, order: [{ code: ASC }]) {
        nodes {
          code title kpiName baseline target current progress
          categories(first: 3, order: [{ weight: DESC }]) { weight category { code name contractCoverage } }
        }
      }
    }`,
  },
  {
    name: 'supplierSearch',
    query: `query SupplierSearch {
      suppliers(first: 20, where: { name: { contains: "tech" } }, order: [{ riskLevel: DESC }, { name: ASC }]) {
        totalCount
        pageInfo { hasNextPage endCursor }
        nodes { id name country riskLevel status }
      }
    }`,
  },
  {
    name: 'biContractsPage',
    query: `query BiContractsPage {
      contracts(first: 200, order: [{ number: ASC }]) {
        pageInfo { hasNextPage endCursor }
        nodes { number status startDate endDate annualValue annualSavings supplier { name country } }
      }
    }`,
  },
  {
    name: 'nodeLookup',
    query: `query NodeLookup {
      nodes(ids: ["U3VwcGxpZXI6NDI=", "U3VwcGxpZXI6Nw=="]) { id ... on Supplier { name country status } }
    }`,
  },
];
