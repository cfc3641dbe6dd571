-- The raw SQL oracle of the valueGapByCategory scenario, from the base tables only (no rollup table, no view): per category,
-- the ratings of the period :q and of the quarter before, each weighted by its business unit's drivers; the ACTIVE and
-- EXPIRED contracts in force in the quarter. Parameters (sqlite3 .parameter): @period, @previous, @first, @last.
WITH "Scored" AS (
  SELECT r."CategoryId", r."Period",
         COALESCE((SELECT SUM(CAST(d."Weight" AS REAL) * CASE d."Driver" WHEN 1 THEN r."Quality" WHEN 2 THEN r."Delivery"
                   WHEN 3 THEN r."Responsiveness" WHEN 4 THEN r."Innovation" ELSE r."CostValue" END)
                   FROM "ValueDrivers" AS d WHERE d."BusinessUnitId" = r."BusinessUnitId"), 0.0) AS "Weighted"
  FROM "StakeholderRatings" AS r WHERE r."CategoryId" IS NOT NULL AND r."Period" IN (@period, @previous)),
"Scores" AS (
  SELECT "CategoryId", COUNT(*) FILTER (WHERE "Period" = @period) AS "RatingCount",
         SUM("Weighted") FILTER (WHERE "Period" = @period) / COUNT(*) FILTER (WHERE "Period" = @period) AS "Score",
         SUM("Weighted") FILTER (WHERE "Period" = @previous) / COUNT(*) FILTER (WHERE "Period" = @previous) AS "Previous"
  FROM "Scored" GROUP BY "CategoryId"),
"Savings" AS (
  SELECT c."CategoryId",
         SUM(CAST(round(CAST(c."BaselineAnnualCost" AS REAL) * 100) AS INTEGER) - CAST(round(CAST(c."AnnualValue" AS REAL) * 100) AS INTEGER)) AS "S",
         SUM(CAST(round(CAST(c."BaselineAnnualCost" AS REAL) * 100) AS INTEGER)) AS "B"
  FROM "Contracts" AS c WHERE c."Status" IN (2, 3) AND c."StartDate" <= @last AND c."EndDate" >= @first GROUP BY c."CategoryId")
SELECT k."Code" AS "code", s."RatingCount" AS "ratingCount", s."Score" AS "score", s."Score" - s."Previous" AS "trend",
       COALESCE(v."S", 0) / 100.0 AS "savings",
       CASE WHEN COALESCE(v."B", 0) = 0 THEN NULL ELSE CAST(v."S" AS REAL) / v."B" END AS "percent",
       CASE WHEN COALESCE(v."B", 0) = 0 THEN NULL ELSE max(CAST(v."S" AS REAL) / v."B", 0.0) * (5.0 - s."Score") / 4.0 END AS "gap"
FROM "Scores" AS s JOIN "Categories" AS k ON k."Id" = s."CategoryId" LEFT JOIN "Savings" AS v ON v."CategoryId" = s."CategoryId"
WHERE s."RatingCount" > 0
ORDER BY "gap" IS NULL, "gap" DESC, s."CategoryId"
LIMIT 20;
