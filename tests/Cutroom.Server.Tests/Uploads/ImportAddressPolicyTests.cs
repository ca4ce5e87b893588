using System.Net;
using Cutroom.Server.Uploads;

namespace Cutroom.Server.Tests.Uploads;

[Trait("Tier", "Fast")]
public sealed class ImportAddressPolicyTests
{
    [Theory]
    // IPv4
    [InlineData("127.0.0.1", "loopback")]
    [InlineData("127.255.255.254", "loopback")]
    [InlineData("0.0.0.0", "unspecified")]
    [InlineData("0.1.2.3", "this network")]
    [InlineData("10.0.0.1", "private")]
    [InlineData("10.255.255.255", "private")]
    [InlineData("172.16.0.1", "private")]
    [InlineData("172.31.255.255", "private")]
    [InlineData("192.168.1.1", "private")]
    [InlineData("100.64.0.1", "CGNAT")]
    [InlineData("100.127.255.255", "CGNAT")]
    [InlineData("169.254.0.1", "link-local")]
    [InlineData("169.254.169.254", "link-local")]
    [InlineData("192.0.0.8", "IETF")]
    [InlineData("192.0.2.1", "documentation")]
    [InlineData("198.18.0.1", "benchmarking")]
    [InlineData("224.0.0.1", "multicast")]
    [InlineData("239.255.255.250", "multicast")]
    [InlineData("240.0.0.1", "reserved")]
    [InlineData("255.255.255.255", "broadcast")]
    // IPv6
    [InlineData("::", "unspecified")]
    [InlineData("::1", "loopback")]
    [InlineData("fc00::1", "unique local")]
    [InlineData("fd12:3456::1", "unique local")]
    [InlineData("fd00:ec2::254", "unique local")]
    [InlineData("fe80::1", "link-local")]
    [InlineData("febf:ffff::1", "link-local")]
    [InlineData("fec0::1", "site-local")]
    [InlineData("ff02::1", "multicast")]
    [InlineData("2001:db8::1", "documentation")]
    [InlineData("64:ff9b::a9fe:a9fe", "NAT64")]
    [InlineData("64:ff9b::808:808", "NAT64")]
    [InlineData("64:ff9b:1::1", "NAT64")]
    [InlineData("2002:a9fe:a9fe::1", "6to4")]
    [InlineData("2001:0:4136:e378::1", "Teredo")]
    [InlineData("::a9fe:a9fe", "IPv4-compatible")]
    [InlineData("4000::1", "reserved")]
    // IPv4-mapped IPv6: judged by the IPv4 address inside
    [InlineData("::ffff:127.0.0.1", "loopback")]
    [InlineData("::ffff:10.0.0.1", "private")]
    [InlineData("::ffff:169.254.169.254", "link-local")]
    [InlineData("::ffff:100.64.0.1", "CGNAT")]
    [InlineData("::ffff:0.0.0.0", "unspecified")]
    public void A_non_public_address_is_refused_with_its_kind(string address, string kind)
    {
        var why = ImportAddressPolicy.Refusal(IPAddress.Parse(address), allowLoopback: false);
        Assert.NotNull(why);
        Assert.Contains(kind, why, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("1.1.1.1")]
    [InlineData("93.184.215.14")]
    [InlineData("100.63.255.255")]
    [InlineData("100.128.0.0")]
    [InlineData("172.15.255.255")]
    [InlineData("172.32.0.0")]
    [InlineData("192.167.255.255")]
    [InlineData("169.253.255.255")]
    [InlineData("223.255.255.254")]
    [InlineData("2606:4700:4700::1111")]
    [InlineData("2001:4860:4860::8888")]
    [InlineData("2a00:1450:4001:80b::200e")]
    [InlineData("::ffff:8.8.8.8")]
    public void A_public_unicast_address_is_allowed(string address)
    {
        Assert.Null(ImportAddressPolicy.Refusal(IPAddress.Parse(address), allowLoopback: false));
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("::1", true)]
    [InlineData("::ffff:127.0.0.1", true)]
    [InlineData("10.0.0.1", false)]
    [InlineData("169.254.169.254", false)]
    [InlineData("fd00:ec2::254", false)]
    [InlineData("0.0.0.0", false)]
    public void Allowing_loopback_for_tests_allows_loopback_and_nothing_else(string address, bool allowed)
    {
        Assert.Equal(allowed, ImportAddressPolicy.Refusal(IPAddress.Parse(address), allowLoopback: true) is null);
    }

    [Theory]
    [InlineData("https://example.com/a.mp4", false, null)]
    [InlineData("http://example.com/a.mp4", false, null)]
    [InlineData("http://example.com:80/a.mp4", false, null)]
    [InlineData("https://example.com:443/a.mp4", false, null)]
    [InlineData("http://example.com:443/a.mp4", false, "port 443")]
    [InlineData("https://example.com:8080/a.mp4", false, "port 8080")]
    [InlineData("https://example.com:8080/a.mp4", true, null)]
    [InlineData("https://u:p@example.com/a.mp4", true, "user info")]
    [InlineData("https://u@example.com/a.mp4", false, "user info")]
    [InlineData("file:///etc/passwd", true, "scheme 'file'")]
    [InlineData("/etc/passwd", true, "scheme 'file'")]
    [InlineData("gopher://example.com/", true, "scheme 'gopher'")]
    [InlineData("data:text/plain,hello", true, "scheme 'data'")]
    [InlineData("", false, "empty")]
    [InlineData("not a url", false, "absolute")]
    public void A_url_is_held_to_http_https_default_ports_and_no_user_info(string url, bool allowAnyPort, string? problem)
    {
        var found = Cutroom.Server.Uploads.UrlImporter.Problem(url, allowAnyPort, out var uri);
        if (problem is null)
        {
            Assert.Null(found);
            Assert.NotNull(uri);
        }
        else
        {
            Assert.NotNull(found);
            Assert.Contains(problem, found, StringComparison.Ordinal);
            Assert.Null(uri);
        }
    }

    [Theory]
    [InlineData("https://cdn.example.com/videos/clip%20one.mp4?sig=abc", "clip one.mp4")]
    [InlineData("https://example.com/", "download")]
    [InlineData("https://example.com/a/..%2F..%2Fetc%2Fpasswd", "passwd")]
    [InlineData("https://example.com/%2e%2e/secret.mp4", "secret.mp4")]
    public void The_file_name_of_an_import_is_the_sanitised_last_path_segment(string url, string name)
    {
        Assert.Equal(name, Cutroom.Server.Uploads.UrlImporter.NameOf(new Uri(url)));
    }
}
