//! The name the client gives in `EHLO`.
//!
//! RFC 5321 (4.1.1.1) asks for the client's fully qualified domain name, or an address literal
//! when it has none. Office PCs are called `DESKTOP-AB12CD`, and servers that reject a bare name
//! (Postfix's `reject_non_fqdn_helo_hostname`) answer 504: so a bare host name is never sent. The
//! machine's name is used when it is qualified, or when `/etc/hosts` qualifies it (as
//! `hostname -f` does); otherwise the address the connection leaves from, as `[192.0.2.7]`.

use lettre::transport::smtp::extension::ClientId;
use std::net::{IpAddr, SocketAddr};

/// Checks a name given with `--ehlo`: a domain name, or an address literal in brackets.
pub fn parse(text: &str) -> Result<ClientId, String> {
    let text = text.trim();
    if let Some(inner) = text.strip_prefix('[').and_then(|t| t.strip_suffix(']')) {
        let inner = inner.strip_prefix("IPv6:").unwrap_or(inner);
        return match inner.parse::<IpAddr>() {
            Ok(IpAddr::V4(ip)) => Ok(ClientId::Ipv4(ip)),
            Ok(IpAddr::V6(ip)) => Ok(ClientId::Ipv6(ip)),
            Err(_) => Err(format!(
                "`{text}` is not an address literal such as [192.0.2.7]"
            )),
        };
    }
    if let Ok(ip) = text.parse::<IpAddr>() {
        return Ok(match ip {
            IpAddr::V4(ip) => ClientId::Ipv4(ip),
            IpAddr::V6(ip) => ClientId::Ipv6(ip),
        });
    }
    if is_domain(text) {
        Ok(ClientId::Domain(text.to_ascii_lowercase()))
    } else {
        Err(format!(
            "`{text}` is not a domain name (letters, digits, hyphens and dots) or an address literal"
        ))
    }
}

/// Whether `name` is a syntactically valid domain name of at least two labels.
fn is_domain(name: &str) -> bool {
    let name = name.strip_suffix('.').unwrap_or(name);
    name.len() <= 253
        && name.contains('.')
        && name.split('.').all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-')
        })
}

/// The name to greet with when none is configured: the machine's fully qualified name, or the
/// address the connection leaves from.
pub fn default(local: SocketAddr) -> ClientId {
    if let Some(name) = qualified_host_name() {
        return ClientId::Domain(name);
    }
    match local.ip() {
        IpAddr::V4(ip) => ClientId::Ipv4(ip),
        IpAddr::V6(ip) => match ip.to_ipv4_mapped() {
            Some(v4) => ClientId::Ipv4(v4),
            None => ClientId::Ipv6(ip),
        },
    }
}

/// The machine's name when it is fully qualified, by itself or through `/etc/hosts`.
fn qualified_host_name() -> Option<String> {
    let name = hostname::get().ok()?.into_string().ok()?;
    let name = name.trim().to_ascii_lowercase();
    if name.is_empty() {
        return None;
    }
    if is_domain(&name) && !name.starts_with("localhost") {
        return Some(name);
    }
    let hosts = std::fs::read_to_string("/etc/hosts").ok()?;
    qualified_in_hosts(&hosts, &name)
}

/// The first qualified alias of `name` on a line of a hosts file that names it.
fn qualified_in_hosts(hosts: &str, name: &str) -> Option<String> {
    let prefix = format!("{name}.");
    hosts
        .lines()
        .map(|line| line.split('#').next().unwrap_or(""))
        .filter(|line| {
            line.split_whitespace()
                .skip(1)
                .any(|n| n.eq_ignore_ascii_case(name))
        })
        .flat_map(|line| line.split_whitespace().skip(1))
        .map(str::to_ascii_lowercase)
        .find(|n| n.starts_with(&prefix) && is_domain(n) && !n.ends_with(".localdomain"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_literals_are_checked() {
        assert_eq!(
            parse("Mail.Example.gov.bd").unwrap(),
            ClientId::Domain("mail.example.gov.bd".into())
        );
        assert_eq!(parse("[127.0.0.1]").unwrap().to_string(), "[127.0.0.1]");
        assert_eq!(parse("[IPv6:::1]").unwrap().to_string(), "[IPv6:::1]");
        assert_eq!(parse("10.0.0.5").unwrap().to_string(), "[10.0.0.5]");
        for bad in [
            "DESKTOP-AB12CD",
            "a b.example",
            "x.example\r\nRCPT",
            "[999.1.1.1]",
            "-a.bd",
        ] {
            assert!(parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_bare_name_is_never_the_default() {
        let local: SocketAddr = "192.0.2.7:50000".parse().unwrap();
        let id = default(local).to_string();
        assert!(id.contains('.'), "{id}");
        assert!(id == "[192.0.2.7]" || is_domain(&id), "{id}");
    }

    #[test]
    fn hosts_files_qualify_a_bare_name() {
        let hosts = "127.0.0.1 localhost\n10.0.0.5 desktop-ab12cd.upazila.gov.bd desktop-ab12cd # office PC\n";
        assert_eq!(
            qualified_in_hosts(hosts, "desktop-ab12cd").as_deref(),
            Some("desktop-ab12cd.upazila.gov.bd")
        );
        assert_eq!(qualified_in_hosts(hosts, "other"), None);
        assert_eq!(
            qualified_in_hosts("127.0.1.1 vm.localdomain vm\n", "vm"),
            None
        );
    }
}
