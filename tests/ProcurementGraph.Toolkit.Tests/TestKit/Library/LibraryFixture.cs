namespace ProcurementGraph.Toolkit.Tests.TestKit.Library;

/// <summary>One seeded library host shared by the tests of a class (they only read).</summary>
public sealed class LibraryFixture() : TestHost<LibrarySchema>(TestHost.Library());
