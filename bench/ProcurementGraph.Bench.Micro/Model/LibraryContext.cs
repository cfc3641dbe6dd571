using Microsoft.EntityFrameworkCore;

namespace ProcurementGraph.Bench.Micro.Model;

/// <summary>The benchmark model's context; names compare case-insensitively (NOCASE), as the application's do.</summary>
internal sealed class LibraryContext(DbContextOptions<LibraryContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Publisher>(publisher =>
        {
            publisher.Property(p => p.Id).ValueGeneratedNever();
            publisher.Property(p => p.Name).UseCollation("NOCASE");
        });
        modelBuilder.Entity<Author>(author =>
        {
            author.Property(a => a.Id).ValueGeneratedNever();
            author.Property(a => a.Name).UseCollation("NOCASE");
        });
        modelBuilder.Entity<Book>(book =>
        {
            book.Property(b => b.Id).ValueGeneratedNever();
            book.Property(b => b.Title).UseCollation("NOCASE");
            book.HasOne(b => b.Author).WithMany(a => a.Books).HasForeignKey(b => b.AuthorId);
            book.HasOne(b => b.Publisher).WithMany(p => p.Books).HasForeignKey(b => b.PublisherId);
            book.HasIndex(b => b.PublishedOn);
        });
    }
}
