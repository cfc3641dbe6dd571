namespace ProcurementGraph.Bench.Micro.Model;

/// <summary>Deterministic seed rows: a few hundred books over a few dozen authors and publishers, with nulls and duplicates.</summary>
internal static class LibrarySeed
{
    public const int Publishers = 12;
    public const int Authors = 40;
    public const int Books = 400;

    private static readonly string[] Words =
        ["Silent", "Blue", "Cosmos", "Engine", "River", "Theory", "Garden", "Machine", "History", "Stars", "Winter", "Atlas", "the", "of"];

    private static readonly string[] Countries = ["UK", "US", "DE", "FR", "CH"];

    private static readonly string[] FirstNames = ["Ada", "Brian", "Carl", "Dora", "Evan", "Fiona", "Gus", "Hana"];

    private static readonly string[] LastNames = ["Lovelace", "Greene", "Sagan", "Wells", "Stone"];

    public static void Fill(LibraryContext db)
    {
        for (var id = 1; id <= Publishers; id++)
        {
            db.Add(new Publisher { Id = id, Name = $"Press {Words[id % Words.Length]} {id}", Country = id % 4 == 0 ? null : Countries[id % Countries.Length] });
        }

        for (var id = 1; id <= Authors; id++)
        {
            db.Add(new Author
            {
                Id = id,
                Name = $"{FirstNames[id % FirstNames.Length]} {LastNames[id % LastNames.Length]} {id}",
                Email = id % 3 == 0 ? null : $"author{id}@example.org",
                BirthYear = id % 5 == 0 ? null : 1900 + (id * 7 % 100),
            });
        }

        for (var id = 1; id <= Books; id++)
        {
            db.Add(new Book
            {
                Id = id,
                Title = $"{Words[id % Words.Length]} {Words[(id / 3) % Words.Length]} {Words[(id / 7) % Words.Length]} {id}",
                Subtitle = id % 4 == 0 ? null : $"Volume {id % 9}",
                Pages = 80 + (id * 37 % 600),
                Price = 5m + (id * 13 % 400) / 10m,
                Rating = id % 6 == 0 ? null : 1m + (id * 7 % 40) / 10m,
                PublishedOn = new DateOnly(1950, 1, 1).AddDays(id * 97 % 27000),
                InPrint = id % 3 != 0,
                Genre = (Genre)(id % 3),
                Format = id % 5 == 0 ? null : (BookFormat)(id % 3),
                AuthorId = 1 + (id * 11 % Authors),
                PublisherId = id % 7 == 0 ? null : 1 + (id % Publishers),
            });
        }

        db.SaveChanges();
    }
}
