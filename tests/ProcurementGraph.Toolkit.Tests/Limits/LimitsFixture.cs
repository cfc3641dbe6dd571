using ProcurementGraph.Toolkit.Tests.TestKit;
using ProcurementGraph.Toolkit.Tests.TestKit.Library;

namespace ProcurementGraph.Toolkit.Tests.Limits;

/// <summary>One library host with the default limits, shared by the tests of a class.</summary>
public sealed class LimitsFixture() : TestHost<LibrarySchema>(TestHost.Library().WithLimits());
