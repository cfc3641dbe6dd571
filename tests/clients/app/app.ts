// A small front-end module written against the types GraphQL Code Generator made for the README's operations.
// `tsc --noEmit` must compile it: a renamed field, a changed nullability or a scalar that stops being a number or a
// string breaks the build here, as it would break a team's app.
import type {
  ExpiringContractsQuery,
  GoalDashboardQuery,
  MeQuery,
  SupplierScorecardQuery,
  SuppliersPageQuery,
  SuppliersPageQueryVariables,
} from '../.generated/operations.js';

type GraphQLResponse<TData> = { data?: TData | null; errors?: ReadonlyArray<{ message: string; extensions?: { code?: string } }> };

export async function request<TData, TVariables extends Record<string, unknown>>(
  endpoint: string, query: string, variables: TVariables, token?: string): Promise<TData> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as GraphQLResponse<TData>;
  if (!body.data || body.errors?.length) {
    throw new Error(body.errors?.map((e) => `${e.extensions?.code ?? 'ERROR'}: ${e.message}`).join('; ') ?? `HTTP ${response.status}`);
  }
  return body.data;
}

export function scorecardLines(data: SupplierScorecardQuery): string[] {
  const supplier = data.supplier;
  if (!supplier) return ['no such supplier'];
  const savings = (supplier.contracts?.nodes ?? []).reduce((sum, c) => sum + (c.annualSavings ?? 0), 0);
  const risk: 'ok' | 'watch' = supplier.riskLevel === 'HIGH' || supplier.riskLevel === 'CRITICAL' ? 'watch' : 'ok';
  return [
    `${supplier.name} (${supplier.country}) risk ${supplier.riskLevel} [${risk}]`,
    `active contract value ${supplier.activeContractValue.toFixed(2)}, savings on the latest contracts ${savings.toFixed(2)}`,
    ...(supplier.contracts?.nodes ?? []).map((c) => `${c.number} ${c.status} ends ${c.endDate.slice(0, 10)} in ${c.category.code}`),
    `rated ${supplier.ratingSummary.count} times, average ${supplier.ratingSummary.averageOverall?.toFixed(1) ?? 'n/a'}`,
  ];
}

export function expiringSoon(data: ExpiringContractsQuery): Array<{ number: string; days: number; supplier: string; owner: string }> {
  return (data.contracts?.nodes ?? [])
    .filter((c) => c.isExpiringSoon && c.daysToExpiry <= c.noticePeriodDays + 30)
    .map((c) => ({ number: c.number, days: c.daysToExpiry, supplier: c.supplier.name, owner: c.owner?.name ?? '—' }));
}

export function goalProgress(data: GoalDashboardQuery): Map<string, number> {
  const result = new Map<string, number>();
  for (const goal of data.strategicGoals?.nodes ?? []) {
    const covered = goal.categories.reduce((sum, link) => sum + link.weight * (link.category.contractCoverage ?? 0), 0);
    result.set(goal.code, Math.round((goal.progress + covered) * 50));
  }
  return result;
}

export function greeting(data: MeQuery): string {
  return data.me.isPartner ? `Supplier ${data.me.supplierId ?? '?'}` : `Hello ${data.me.name ?? 'there'} (${data.me.roles.join(', ')})`;
}

export async function allSupplierNames(endpoint: string, query: string, pageSize: number): Promise<string[]> {
  const names: string[] = [];
  let variables: SuppliersPageQueryVariables = { first: pageSize, after: null };
  for (;;) {
    const page = await request<SuppliersPageQuery, SuppliersPageQueryVariables>(endpoint, query, variables);
    const suppliers = page.suppliers;
    if (!suppliers) break;
    names.push(...(suppliers.nodes ?? []).map((s) => `${s.name} (${s.status.toLowerCase()})`));
    if (!suppliers.pageInfo.hasNextPage) break;
    variables = { ...variables, after: suppliers.pageInfo.endCursor };
  }
  return names;
}
