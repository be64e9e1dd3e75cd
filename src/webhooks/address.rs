//! Where deliveries may go. A webhook URL is chosen by the workspace, so without a guard it
//! would let anyone make the server call into its own network (the cloud's metadata
//! service, a database's admin port). Addresses on loopback, private, link-local, shared,
//! reserved and metadata ranges are refused when an endpoint is saved and again when a
//! delivery connects, since DNS may answer differently by then.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};

use reqwest::dns::{Addrs, Name, Resolve, Resolving};
use reqwest::Url;

/// True for an address a delivery must not reach.
pub fn forbidden(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => forbidden_v4(v4),
        IpAddr::V6(v6) => forbidden_v6(v6),
    }
}

fn forbidden_v4(ip: Ipv4Addr) -> bool {
    let [a, b, c, _] = ip.octets();
    ip.is_unspecified()
        || ip.is_loopback()
        || ip.is_private()
        || ip.is_link_local() // 169.254.0.0/16, with the metadata service at 169.254.169.254
        || ip.is_broadcast()
        || ip.is_multicast()
        || ip.is_documentation()
        || a == 0
        || (a == 100 && (64..128).contains(&b)) // shared address space (carrier NAT)
        || (a == 192 && b == 0 && c == 0) // IETF protocol assignments
        || (a == 198 && (b == 18 || b == 19)) // benchmarking
        || a >= 240 // reserved
}

fn forbidden_v6(ip: Ipv6Addr) -> bool {
    if let Some(v4) = ip.to_ipv4_mapped() {
        return forbidden_v4(v4);
    }
    let segments = ip.segments();
    // NAT64 (64:ff9b::/96) reaches the IPv4 address in its last 32 bits.
    if segments[..6] == [0x64, 0xff9b, 0, 0, 0, 0] {
        let [.., high, low] = segments;
        return forbidden_v4(Ipv4Addr::from(((high as u32) << 16) | low as u32));
    }
    ip.is_unspecified()
        || ip.is_loopback()
        || ip.is_multicast()
        || (segments[0] & 0xfe00) == 0xfc00 // unique local, with fd00:ec2::254 (metadata)
        || (segments[0] & 0xffc0) == 0xfe80 // link-local
        || segments[0] == 0x2001 && segments[1] == 0xdb8 // documentation
}

/// Why a URL's literal host may not be called, if it may not.
pub fn refused_host(url: &Url) -> Option<String> {
    let host = url.host_str()?;
    let literal = host
        .trim_start_matches('[')
        .trim_end_matches(']')
        .parse::<IpAddr>()
        .ok();
    match literal {
        Some(ip) if forbidden(ip) => Some(format!(
            "{ip} is a loopback, private, link-local or reserved address"
        )),
        None if host.eq_ignore_ascii_case("localhost") || host.ends_with(".localhost") => {
            Some(format!("{host} is this machine"))
        }
        _ => None,
    }
}

/// Why a URL may not be subscribed: its literal host, or what its name resolves to now.
/// A name that does not resolve yet is accepted; each delivery checks again as it connects.
pub async fn refused_at_subscription(url: &Url) -> Option<String> {
    if let Some(reason) = refused_host(url) {
        return Some(reason);
    }
    let host = url.host_str()?.to_owned();
    let port = url.port_or_known_default().unwrap_or(443);
    let lookup = tokio::net::lookup_host((host.clone(), port));
    let Ok(Ok(addresses)) = tokio::time::timeout(std::time::Duration::from_secs(2), lookup).await
    else {
        return None;
    };
    addresses
        .map(|address| address.ip())
        .find(|ip| forbidden(*ip))
        .map(|ip| {
            format!("{host} resolves to {ip}, a loopback, private, link-local or reserved address")
        })
}

/// A resolver that drops forbidden addresses, and fails a name that has no other.
pub struct PublicOnly;

impl Resolve for PublicOnly {
    fn resolve(&self, name: Name) -> Resolving {
        Box::pin(async move {
            let host = name.as_str().to_owned();
            let addresses: Vec<SocketAddr> = tokio::net::lookup_host((host.as_str(), 0))
                .await?
                .filter(|address| !forbidden(address.ip()))
                .collect();
            if addresses.is_empty() {
                return Err(format!(
                    "{host} resolves only to loopback, private, link-local or reserved addresses"
                )
                .into());
            }
            Ok(Box::new(addresses.into_iter()) as Addrs)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(text: &str) -> bool {
        forbidden(text.parse().unwrap())
    }

    #[test]
    fn refuses_internal_and_reserved_addresses() {
        for ip in [
            "127.0.0.1",
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "169.254.169.254",
            "100.64.0.1",
            "0.0.0.0",
            "255.255.255.255",
            "224.0.0.1",
            "::1",
            "::",
            "fe80::1",
            "fd00:ec2::254",
            "::ffff:127.0.0.1",
            "::ffff:169.254.169.254",
            "64:ff9b::a9fe:a9fe",
        ] {
            assert!(refused(ip), "{ip} should be refused");
        }
    }

    #[test]
    fn accepts_public_addresses() {
        for ip in [
            "93.184.216.34",
            "8.8.8.8",
            "2606:4700::1111",
            "::ffff:8.8.8.8",
        ] {
            assert!(!refused(ip), "{ip} should be allowed");
        }
    }

    #[test]
    fn literal_hosts_are_judged_without_resolving() {
        let reason = |url: &str| refused_host(&Url::parse(url).unwrap());
        assert!(reason("http://127.0.0.1:8080/hook").is_some());
        assert!(reason("http://[::1]/hook").is_some());
        assert!(reason("http://LOCALHOST/hook").is_some());
        assert!(reason("http://api.localhost/hook").is_some());
        assert!(reason("https://8.8.8.8/hook").is_none());
        assert!(reason("https://hooks.example.com/in").is_none());
    }

    #[tokio::test]
    async fn names_that_resolve_only_inward_are_not_connected_to() {
        let name: Name = "localhost".parse().unwrap();
        let error = match PublicOnly.resolve(name).await {
            Ok(addresses) => panic!("resolved to {:?}", addresses.collect::<Vec<_>>()),
            Err(error) => error.to_string(),
        };
        assert!(error.contains("resolves only to loopback"), "{error}");
    }
}
