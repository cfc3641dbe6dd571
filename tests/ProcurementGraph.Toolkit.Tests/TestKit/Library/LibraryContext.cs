using Microsoft.EntityFrameworkCore;

namespace ProcurementGraph.Toolkit.Tests.TestKit.Library;

/// <summary>The test model's context. Names compare case-insensitively in SQLite (column collation NOCASE).</summary>
public sealed class LibraryContext(DbContextOptions<LibraryContext> options) : DbContext(options)
{
    public DbSet<Author> Authors => Set<Author>();

    public DbSet<Book> Books => Set<Book>();

    public DbSet<Publisher> Publishers => Set<Publisher>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Publisher>().Property(p => p.Name).UseCollation("NOCASE");
        modelBuilder.Entity<Author>().Property(a => a.Name).UseCollation("NOCASE");
        modelBuilder.Entity<Book>(book =>
        {
            book.Property(b => b.Title).UseCollation("NOCASE");
            book.Property(b => b.Id).ValueGeneratedNever();
            book.HasOne(b => b.Author).WithMany(a => a.Books).HasForeignKey(b => b.AuthorId);
            book.HasOne(b => b.Publisher).WithMany(p => p.Books).HasForeignKey(b => b.PublisherId);
        });
        modelBuilder.Entity<Author>().Property(a => a.Id).ValueGeneratedNever();
        modelBuilder.Entity<Publisher>().Property(p => p.Id).ValueGeneratedNever();
    }
}
