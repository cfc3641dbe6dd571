namespace ProcurementGraph.Api.Data.Seeding;

/// <summary>The 27 supplier countries, weighted roughly like a European/North American manufacturer's supply base.</summary>
internal static class SupplierCountries
{
    public static IReadOnlyList<SupplierCountry> All { get; } =
    [
        new("US", 20, "en_US", "USD", 1m, "com", ["Inc.", "LLC", "Corp."], ["Chicago", "Houston", "Atlanta", "Detroit", "Dallas", "Seattle", "Pittsburgh", "Charlotte"]),
        new("DE", 12, "de", "EUR", 0.92m, "de", ["GmbH", "AG", "GmbH & Co. KG"], ["Munich", "Hamburg", "Stuttgart", "Düsseldorf", "Frankfurt", "Nuremberg", "Cologne"]),
        new("GB", 8, "en_GB", "GBP", 0.79m, "co.uk", ["Ltd", "plc"], ["Birmingham", "Manchester", "Leeds", "Bristol", "Glasgow", "Sheffield", "London"]),
        new("FR", 6, "fr", "EUR", 0.92m, "fr", ["SAS", "SA", "SARL"], ["Lyon", "Toulouse", "Lille", "Nantes", "Paris", "Bordeaux"]),
        new("IT", 4, "it", "EUR", 0.92m, "it", ["S.p.A.", "S.r.l."], ["Milan", "Turin", "Bologna", "Brescia", "Verona"]),
        new("ES", 3, "es", "EUR", 0.92m, "es", ["S.A.", "S.L."], ["Madrid", "Barcelona", "Valencia", "Bilbao", "Zaragoza"]),
        new("NL", 4, "nl", "EUR", 0.92m, "nl", ["B.V.", "N.V."], ["Rotterdam", "Eindhoven", "Utrecht", "Amsterdam"]),
        new("BE", 1, "nl_BE", "EUR", 0.92m, "be", ["NV", "BV"], ["Antwerp", "Ghent", "Brussels", "Liège"]),
        new("PL", 4, "pl", "PLN", 4.0m, "pl", ["Sp. z o.o.", "S.A."], ["Warsaw", "Wrocław", "Poznań", "Gdańsk", "Katowice"]),
        new("CZ", 2, "cz", "CZK", 23.1m, "cz", ["s.r.o.", "a.s."], ["Prague", "Brno", "Ostrava", "Plzeň"]),
        new("SE", 2, "sv", "SEK", 10.6m, "se", ["AB"], ["Gothenburg", "Stockholm", "Malmö", "Västerås"]),
        new("NO", 1, "nb_NO", "NOK", 10.7m, "no", ["AS", "ASA"], ["Oslo", "Bergen", "Stavanger", "Trondheim"]),
        new("FI", 1, "fi", "EUR", 0.92m, "fi", ["Oy", "Oyj"], ["Helsinki", "Tampere", "Espoo", "Oulu"]),
        new("CH", 2, "de_CH", "CHF", 0.88m, "ch", ["AG", "SA", "GmbH"], ["Zurich", "Basel", "Geneva", "Winterthur"]),
        new("AT", 1, "de_AT", "EUR", 0.92m, "at", ["GmbH", "AG"], ["Vienna", "Linz", "Graz", "Salzburg"]),
        new("IE", 1, "en_IE", "EUR", 0.92m, "ie", ["Ltd", "DAC"], ["Dublin", "Cork", "Galway", "Limerick"]),
        new("TR", 2, "tr", "TRY", 32.0m, "com.tr", ["A.Ş.", "Ltd. Şti."], ["Istanbul", "Izmir", "Bursa", "Ankara"], Emerging: true),
        new("CN", 7, null, "CNY", 7.2m, "cn", ["Co., Ltd."], ["Shenzhen", "Ningbo", "Suzhou", "Shanghai", "Dongguan", "Qingdao", "Tianjin"], Emerging: true),
        new("IN", 5, "en_IND", "INR", 83.0m, "in", ["Pvt. Ltd.", "Ltd."], ["Pune", "Chennai", "Bengaluru", "Mumbai", "Ahmedabad", "Hyderabad"], Emerging: true),
        new("JP", 3, null, "JPY", 151.0m, "co.jp", ["K.K.", "Co., Ltd."], ["Osaka", "Nagoya", "Yokohama", "Tokyo", "Kobe"]),
        new("KR", 2, null, "KRW", 1_350.0m, "co.kr", ["Co., Ltd."], ["Seoul", "Busan", "Incheon", "Ulsan"]),
        new("TW", 2, null, "TWD", 32.0m, "com.tw", ["Co., Ltd."], ["Taipei", "Hsinchu", "Taichung", "Kaohsiung"]),
        new("VN", 1, null, "VND", 25_000m, "vn", ["Co., Ltd.", "JSC"], ["Ho Chi Minh City", "Hanoi", "Da Nang", "Hai Phong"], Emerging: true),
        new("MX", 3, "es_MX", "MXN", 17.0m, "com.mx", ["S.A. de C.V."], ["Monterrey", "Guadalajara", "Mexico City", "Querétaro", "Tijuana"], Emerging: true),
        new("BR", 3, "pt_BR", "BRL", 5.0m, "com.br", ["Ltda.", "S.A."], ["São Paulo", "Curitiba", "Campinas", "Porto Alegre", "Belo Horizonte"], Emerging: true),
        new("CA", 3, "en_CA", "CAD", 1.36m, "ca", ["Inc.", "Ltd."], ["Toronto", "Montreal", "Calgary", "Vancouver", "Hamilton"]),
        new("AU", 1, "en_AU", "AUD", 1.52m, "com.au", ["Pty Ltd"], ["Sydney", "Melbourne", "Brisbane", "Perth"]),
        new("ZA", 1, "en_ZA", "ZAR", 18.5m, "co.za", ["(Pty) Ltd"], ["Johannesburg", "Cape Town", "Durban"], Emerging: true),
    ];

    public static int[] Weights { get; } = All.Select(c => c.Weight).ToArray();
}
