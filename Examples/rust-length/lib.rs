//! A newshost classifier written in Rust with the standard library only:
//! it labels every article `short`, `medium` or `long` by the number of
//! characters in its body. The ABI's structs are declared here by hand from
//! docs/abi-layout.md, and checked against it at compile time.
//!
//!     rustc --edition 2021 --crate-type cdylib -C opt-level=2 lib.rs -o librust-length.so
//!     newshost conformance --level 3 ./librust-length.so

use std::ffi::c_void;
use std::os::raw::c_char;
use std::panic::{catch_unwind, AssertUnwindSafe};

// --- The ABI (newshost/plugin.h, version 1.2) -------------------------------

const NH_OK: i32 = 0;
const NH_ERR_BAD_CONFIG: i32 = -2;
const NH_ERR_INTERNAL: i32 = -5;
const NH_KIND_CLASSIFIER: u32 = 1;
const NH_OPTION_INT: u32 = 2;

#[repr(C)]
#[derive(Clone, Copy)]
pub struct NhStr {
    data: *const c_char,
    len: usize,
}

#[repr(C)]
pub struct NhStrList {
    items: *const NhStr,
    count: usize,
}

#[repr(C)]
pub struct NhKv {
    key: NhStr,
    value: NhStr,
}

#[repr(C)]
pub struct NhOptionSpec {
    struct_size: u32,
    kind: u32,
    key: *const c_char,
    default_value: *const c_char,
    help: *const c_char,
    choices: *const c_char,
}

type NhFn = unsafe extern "C" fn();

#[repr(C)]
pub struct NhHook {
    struct_size: u32,
    name: *const c_char,
    signature: *const c_char,
    function: NhFn,
}

#[repr(C)]
pub struct NhPluginDescriptor {
    struct_size: u32,
    abi_major: u16,
    abi_minor: u16,
    id: *const c_char,
    version: *const c_char,
    vendor: *const c_char,
    description: *const c_char,
    kind: u32,
    flags: u32,
    options: *const NhOptionSpec,
    option_count: usize,
    hooks: *const NhHook,
    hook_count: usize,
}

#[repr(C)]
pub struct NhHostApi {
    struct_size: u32,
    abi_major: u16,
    abi_minor: u16,
    host: *mut c_void,
    log: unsafe extern "C" fn(*mut c_void, i32, NhStr),
    set_error: unsafe extern "C" fn(*mut c_void, *mut c_void, NhStr),
    add_label: unsafe extern "C" fn(*mut c_void, NhStr, f64) -> i32,
    set_summary: unsafe extern "C" fn(*mut c_void, NhStr) -> i32,
    add_keyword: unsafe extern "C" fn(*mut c_void, NhStr, f64) -> i32,
    set_field: unsafe extern "C" fn(*mut c_void, NhStr, NhStr) -> i32,
    stdout_fd: i32,
    set_record: unsafe extern "C" fn(*mut c_void, NhStr) -> i32,
}

#[repr(C)]
pub struct NhConfig {
    struct_size: u32,
    entries: *const NhKv,
    count: usize,
}

#[repr(C)]
pub struct NhArticle {
    struct_size: u32,
    reserved: u32,
    id: NhStr,
    source: NhStr,
    index: u64,
    headline: NhStr,
    titles: NhStrList,
    bylines: NhStrList,
    dateline: NhStr,
    body: NhStr,
    paragraphs: NhStrList,
    captions: NhStrList,
    subheadings: NhStrList,
    labels: *const c_void,
    label_count: usize,
    summaries: *const c_void,
    summary_count: usize,
    keywords: *const c_void,
    keyword_count: usize,
    fields: *const c_void,
    field_count: usize,
    notes: NhStrList,
    record: NhStr,
    flags: u64,
}

// The figures of docs/abi-layout.md: a wrong declaration does not compile.
const _: () = assert!(std::mem::size_of::<NhStr>() == 16);
const _: () = assert!(std::mem::size_of::<NhOptionSpec>() == 40);
const _: () = assert!(std::mem::size_of::<NhHook>() == 32);
const _: () = assert!(std::mem::size_of::<NhPluginDescriptor>() == 80);
const _: () = assert!(std::mem::size_of::<NhHostApi>() == 80);
const _: () = assert!(std::mem::size_of::<NhConfig>() == 24);
const _: () = assert!(std::mem::size_of::<NhArticle>() == 280);

// --- The plugin ---------------------------------------------------------------

/// Bodies of fewer characters than this are `short`.
const DEFAULT_LONG_FROM: i64 = 600;

struct Instance {
    host: *const NhHostApi,
    long_from: usize,
}

fn text(value: &'static str) -> NhStr {
    NhStr { data: value.as_ptr().cast(), len: value.len() }
}

/// The bytes of a borrowed string (never NUL-terminated: use the length).
unsafe fn bytes<'a>(value: NhStr) -> &'a [u8] {
    if value.len == 0 || value.data.is_null() {
        &[]
    } else {
        std::slice::from_raw_parts(value.data.cast(), value.len)
    }
}

unsafe fn refuse(host: *const NhHostApi, message: &'static str) -> i32 {
    ((*host).set_error)((*host).host, std::ptr::null_mut(), text(message));
    NH_ERR_BAD_CONFIG
}

unsafe extern "C" fn create(host: *const NhHostApi, config: *const NhConfig, instance: *mut *mut c_void) -> i32 {
    catch_unwind(AssertUnwindSafe(|| {
        let mut long_from = DEFAULT_LONG_FROM;
        let entries = if (*config).count == 0 {
            &[][..]
        } else {
            std::slice::from_raw_parts((*config).entries, (*config).count)
        };
        for entry in entries {
            if bytes(entry.key) != b"long-from" {
                return refuse(host, "unknown option; rust-length takes only `long-from`");
            }
            // The host has checked that the value is an integer.
            long_from = std::str::from_utf8(bytes(entry.value)).ok().and_then(|v| v.parse().ok()).unwrap_or(-1);
            if long_from <= 0 || long_from > 1_000_000 {
                return refuse(host, "long-from must be a number of characters from 1 to 1000000");
            }
        }
        let boxed = Box::new(Instance { host, long_from: long_from as usize });
        *instance = Box::into_raw(boxed).cast();
        NH_OK
    }))
    .unwrap_or(NH_ERR_INTERNAL)
}

unsafe extern "C" fn process(instance: *mut c_void, article: *const NhArticle, result: *mut c_void) -> i32 {
    catch_unwind(AssertUnwindSafe(|| {
        let this = &*(instance as *const Instance);
        let characters = String::from_utf8_lossy(bytes((*article).body)).chars().count();
        let label = if characters < this.long_from / 3 {
            "short"
        } else if characters < this.long_from {
            "medium"
        } else {
            "long"
        };
        ((*this.host).add_label)(result, text(label), 1.0)
    }))
    .unwrap_or(NH_ERR_INTERNAL)
}

unsafe extern "C" fn destroy(instance: *mut c_void) {
    if !instance.is_null() {
        drop(Box::from_raw(instance as *mut Instance));
    }
}

/// Static tables holding raw pointers, which Rust does not let a `static`
/// share between threads unless told: these are never written.
#[repr(transparent)]
struct Shared<T>(T);
unsafe impl<T> Sync for Shared<T> {}

macro_rules! cstr {
    ($text:literal) => {
        concat!($text, "\0").as_ptr() as *const c_char
    };
}

type CreateFn = unsafe extern "C" fn(*const NhHostApi, *const NhConfig, *mut *mut c_void) -> i32;
type ProcessFn = unsafe extern "C" fn(*mut c_void, *const NhArticle, *mut c_void) -> i32;
type DestroyFn = unsafe extern "C" fn(*mut c_void);

static OPTIONS: Shared<[NhOptionSpec; 1]> = Shared([NhOptionSpec {
    struct_size: std::mem::size_of::<NhOptionSpec>() as u32,
    kind: NH_OPTION_INT,
    key: cstr!("long-from"),
    default_value: cstr!("600"),
    help: cstr!("bodies of at least this many characters are long, a third of it medium"),
    choices: std::ptr::null(),
}]);

// The prototypes are checked by the type ascriptions: a wrong one does not compile.
static HOOKS: Shared<[NhHook; 3]> = Shared(unsafe {
    [
        NhHook {
            struct_size: std::mem::size_of::<NhHook>() as u32,
            name: cstr!("create"),
            signature: cstr!("i32(ptr,ptr,ptr)"),
            function: std::mem::transmute::<CreateFn, NhFn>(create),
        },
        NhHook {
            struct_size: std::mem::size_of::<NhHook>() as u32,
            name: cstr!("process"),
            signature: cstr!("i32(ptr,ptr,ptr)"),
            function: std::mem::transmute::<ProcessFn, NhFn>(process),
        },
        NhHook {
            struct_size: std::mem::size_of::<NhHook>() as u32,
            name: cstr!("destroy"),
            signature: cstr!("void(ptr)"),
            function: std::mem::transmute::<DestroyFn, NhFn>(destroy),
        },
    ]
});

static DESCRIPTOR: Shared<NhPluginDescriptor> = Shared(NhPluginDescriptor {
    struct_size: std::mem::size_of::<NhPluginDescriptor>() as u32,
    abi_major: 1,
    abi_minor: 0,
    id: cstr!("rust-length"),
    version: cstr!("1.0.0"),
    vendor: cstr!("newshost examples"),
    description: cstr!("Labels articles short, medium or long by body length (Rust, std only)"),
    kind: NH_KIND_CLASSIFIER,
    flags: 0,
    options: &OPTIONS.0 as *const _ as *const NhOptionSpec,
    option_count: 1,
    hooks: &HOOKS.0 as *const _ as *const NhHook,
    hook_count: 3,
});

#[no_mangle]
pub extern "C" fn newshost_plugin_entry() -> *const NhPluginDescriptor {
    &DESCRIPTOR.0
}
