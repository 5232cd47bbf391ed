//! TLS for SMTP: the certificates trusted (the usual web roots, and an office's own CA given with
//! `?ca=`), and the stream for implicit TLS (`smtps://`).
//!
//! STARTTLS goes through lettre, which upgrades its own stream; implicit TLS is done here, so
//! that the TCP stream under it is ours to configure (`TCP_NODELAY`).

use crate::error::Error;
use lettre::transport::smtp::client::{AsyncTokioStream, Certificate, TlsParameters};
use rustls::pki_types::{CertificateDer, ServerName, pem::PemObject};
use std::io;
use std::path::Path;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::TcpStream;

/// Reads the CA certificates of a `?ca=` file: PEM, at least one certificate.
pub fn read_ca(path: &Path) -> Result<Vec<CertificateDer<'static>>, Error> {
    // Bounded, and never a FIFO or device (`?ca=/dev/zero`): a CA bundle is well under 1 MiB.
    let bytes = crate::files::read(path, 1 << 20).map_err(|e| Error::MailSetup {
        reason: format!("?ca={e}"),
    })?;
    let certs: Result<Vec<_>, _> = CertificateDer::pem_slice_iter(&bytes).collect();
    match certs {
        Ok(certs) if !certs.is_empty() => Ok(certs),
        Ok(_) => Err(Error::MailSetup {
            reason: format!(
                "?ca={}: holds no PEM certificate (a block starting -----BEGIN CERTIFICATE-----)",
                path.display()
            ),
        }),
        Err(e) => Err(Error::MailSetup {
            reason: format!("?ca={}: not a PEM certificate file: {e}", path.display()),
        }),
    }
}

/// lettre's parameters for STARTTLS to `host`, trusting the web roots and `extra`.
pub fn lettre_parameters(
    host: &str,
    extra: &[CertificateDer<'static>],
) -> Result<TlsParameters, Error> {
    let mut builder = TlsParameters::builder(host.to_string());
    for cert in extra {
        let cert = Certificate::from_der(cert.to_vec()).map_err(|e| Error::MailSetup {
            reason: format!("?ca=: {e}"),
        })?;
        builder = builder.add_root_certificate(cert);
    }
    builder.build_rustls().map_err(|e| Error::MailSetup {
        reason: format!("TLS set-up: {e}"),
    })
}

/// A connector for implicit TLS, trusting the web roots and `extra`.
pub fn connector(extra: &[CertificateDer<'static>]) -> Result<tokio_rustls::TlsConnector, Error> {
    let mut roots = rustls::RootCertStore::empty();
    roots.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned());
    for cert in extra {
        roots.add(cert.clone()).map_err(|e| Error::MailSetup {
            reason: format!("?ca=: the certificate cannot be used as a root: {e}"),
        })?;
    }
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| Error::MailSetup {
            reason: format!("TLS set-up: {e}"),
        })?
        .with_root_certificates(roots)
        .with_no_client_auth();
    Ok(tokio_rustls::TlsConnector::from(Arc::new(config)))
}

/// Performs the TLS handshake of implicit TLS over `tcp`.
pub async fn handshake(
    connector: &tokio_rustls::TlsConnector,
    host: &str,
    tcp: TcpStream,
) -> io::Result<TlsStream> {
    let name = ServerName::try_from(host.to_string())
        .map_err(|e| io::Error::new(io::ErrorKind::InvalidInput, e))?;
    connector.connect(name, tcp).await.map(TlsStream)
}

/// The rustls error somewhere in an error's chain of causes, if any: it tells a TLS set-up
/// problem (an untrusted certificate) from a dropped connection.
pub fn rustls_error<'a>(error: &'a (dyn std::error::Error + 'static)) -> Option<&'a rustls::Error> {
    let mut current = Some(error);
    while let Some(e) = current {
        if let Some(found) = e.downcast_ref::<rustls::Error>() {
            return Some(found);
        }
        if let Some(found) = e
            .downcast_ref::<io::Error>()
            .and_then(|io| io.get_ref())
            .and_then(|inner| inner.downcast_ref::<rustls::Error>())
        {
            return Some(found);
        }
        current = e.source();
    }
    None
}

/// A TLS stream that lettre's async connection can use.
#[derive(Debug)]
pub struct TlsStream(tokio_rustls::client::TlsStream<TcpStream>);

impl AsyncRead for TlsStream {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        Pin::new(&mut self.0).poll_read(cx, buf)
    }
}

impl AsyncWrite for TlsStream {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.0).poll_write(cx, buf)
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.0).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.0).poll_shutdown(cx)
    }
}

impl AsyncTokioStream for TlsStream {
    fn peer_addr(&self) -> io::Result<std::net::SocketAddr> {
        self.0.get_ref().0.peer_addr()
    }
}
