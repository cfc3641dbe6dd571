using ProcurementGraph.Toolkit.Tests.TestKit;

namespace ProcurementGraph.Toolkit.Tests.Transport;

/// <summary>One host of <see cref="TransportTestSchema"/> behind <c>MapGraphQLHttp()</c>, shared by the tests of a class.</summary>
public sealed class TransportFixture() : TestHost<TransportTestSchema>(TestHost.For<TransportTestSchema>().WithHttp());
