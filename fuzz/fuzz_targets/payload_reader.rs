//! The `--payload` reader on any bytes: bounded, never panics, never quotes a secret in an
//! error, and the redacted form of what it read shows no attribute string that is not public.
#![no_main]

use libfuzzer_sys::fuzz_target;
use serde_json::Value;
use tfvcs::api::body::Body;
use tfvcs::payload::{PUBLIC_ATTRIBUTES, parse};
use tfvcs::secret::read_bounded_text;

/// Every string in `value`, at any depth; with `keys`, object keys too.
fn strings(value: &Value, keys: bool, out: &mut Vec<String>) {
    match value {
        Value::String(s) => out.push(s.clone()),
        Value::Array(items) => items.iter().for_each(|v| strings(v, keys, out)),
        Value::Object(map) => map.iter().for_each(|(k, v)| {
            if keys {
                out.push(k.clone());
            }
            strings(v, keys, out)
        }),
        _ => {}
    }
}

/// Every object key in `value`, at any depth (keys are shown even where values are not).
fn keys(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::Array(items) => items.iter().for_each(|v| keys(v, out)),
        Value::Object(map) => map.iter().for_each(|(k, v)| {
            out.push(k.clone());
            keys(v, out)
        }),
        _ => {}
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = read_bounded_text(data, "--payload", "fuzz") else {
        return;
    };
    let (mut secrets, mut public) = (Vec::new(), Vec::new());
    if let Ok(doc) = serde_json::from_str::<Value>(&text) {
        // Keys and everything outside the attributes may be shown; so may public attributes.
        if let Value::Object(top) = &doc {
            for (key, value) in top {
                public.push(key.clone());
                match value {
                    Value::Object(data) => {
                        for (key, value) in data {
                            public.push(key.clone());
                            if key != "attributes" {
                                strings(value, true, &mut public);
                            }
                        }
                    }
                    other => strings(other, true, &mut public),
                }
            }
        }
        if let Some(Value::Object(attributes)) = doc.pointer("/data/attributes") {
            for (key, value) in attributes {
                public.push(key.clone());
                if PUBLIC_ATTRIBUTES.contains(&key.as_str()) {
                    strings(value, true, &mut public);
                } else {
                    strings(value, false, &mut secrets);
                    keys(value, &mut public);
                }
            }
        }
    }
    // Short strings (`a`, `1`) occur in any message by chance; secrets are longer. A secret
    // that is also public text (a key, a public value) may show as that text.
    secrets.retain(|s| {
        s.len() >= 8 && !"[redacted]".contains(s.as_str()) && !public.iter().any(|p| p.contains(s.as_str()))
    });
    match parse(&text, "fuzz") {
        Err(fail) => {
            for secret in &secrets {
                assert!(!fail.message.contains(secret.as_str()), "error quotes a secret");
            }
        }
        Ok(payload) => {
            let shown = Body::Object(payload.attributes.clone()).redacted().to_string();
            for secret in &secrets {
                let quoted = serde_json::to_string(secret).unwrap();
                assert!(!shown.contains(&quoted), "redacted payload shows {quoted}");
            }
            // What is sent is what was read.
            let sent: Value =
                serde_json::from_slice(&Body::Object(payload.attributes).to_wire()).unwrap();
            let read = serde_json::from_str::<Value>(&text).unwrap();
            let attributes = read.pointer("/data/attributes").cloned();
            match attributes {
                Some(Value::Object(map)) => assert_eq!(sent, Value::Object(map)),
                _ => assert_eq!(sent, Value::Object(Default::default())),
            }
        }
    }
});
