//! The macros of `baals-sdk` (use them from there: `baals_sdk::contract` and the derives).
//!
//! - `#[contract(events(E, ...))]` on an `impl` block: each `pub fn` becomes a method, an
//!   export of type `[] -> []` that decodes its arguments, runs the function and encodes what
//!   it returns; the contract's ABI is built from the signatures as a constant and embedded as
//!   the `baals.abi` custom section.
//! - `#[derive(Abi)]` on a struct: its encoding and its ABI type.
//! - `#[derive(Event)]` on a struct: an event, its topic and fields.
//! - `#[derive(ContractError)]` on an enum: the errors a method reverts with.
//!
//! Every misuse is a compile error at the offending tokens.

use proc_macro::TokenStream;
use proc_macro2::TokenStream as TokenStream2;
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;
use syn::{
    Attribute, Data, DeriveInput, Fields, FnArg, GenericArgument, ImplItem, ItemImpl, LitStr, Pat, PathArguments,
    ReturnType, Type, Visibility,
};

/// Declares a contract: on an `impl` block of a type that names it.
///
/// Each `pub fn` is a method of the same name; `#[query]` marks a read-only one and
/// `#[payable]` one that accepts native value (any other call refuses value, reverting with
/// `method is not payable`). A method takes its inputs as arguments and returns nothing, a
/// value, or `Result<T, E>` where `E` derives `ContractError`: `Err` reverts with its
/// message. `events(...)` lists the types deriving `Event` the contract emits. Functions
/// that are not `pub` are helpers. The type gets `ABI` (the ABI as a constant) and `ABI_JSON`.
#[proc_macro_attribute]
pub fn contract(attr: TokenStream, item: TokenStream) -> TokenStream {
    expand_contract(attr.into(), item.into()).unwrap_or_else(syn::Error::into_compile_error).into()
}

/// A struct with an ABI type: its fields encoded in order (`{ "struct": [fields] }`).
#[proc_macro_derive(Abi)]
pub fn derive_abi(input: TokenStream) -> TokenStream {
    expand_abi(input.into()).unwrap_or_else(syn::Error::into_compile_error).into()
}

/// An event: a struct whose fields are the event's data, with topic `#[event(topic = "...")]`
/// (default: the struct's name in snake case). Emit it with `baals_sdk::emit_event`.
#[proc_macro_derive(Event, attributes(event))]
pub fn derive_event(input: TokenStream) -> TokenStream {
    expand_event(input.into()).unwrap_or_else(syn::Error::into_compile_error).into()
}

/// The errors a method may return: an enum of unit variants, each a revert message
/// (`#[error("...")]`; default: the variant's name in snake case, with spaces), named in the
/// ABI by the variant's name in snake case.
#[proc_macro_derive(ContractError, attributes(error))]
pub fn derive_contract_error(input: TokenStream) -> TokenStream {
    expand_contract_error(input.into()).unwrap_or_else(syn::Error::into_compile_error).into()
}

/// What a method returns, as the ABI and its export see it.
enum Returns {
    Nothing,
    Value(Box<Type>),
    Result { ok: Option<Box<Type>>, err: Box<Type> },
}

struct Method {
    ident: syn::Ident,
    name: String,
    query: bool,
    payable: bool,
    inputs: Vec<(String, Type)>,
    returns: Returns,
}

fn expand_contract(attr: TokenStream2, item: TokenStream2) -> syn::Result<TokenStream2> {
    let mut events: Vec<syn::Path> = Vec::new();
    let parser = syn::meta::parser(|meta| {
        if meta.path.is_ident("events") {
            meta.parse_nested_meta(|event| {
                events.push(event.path);
                Ok(())
            })
        } else {
            Err(meta.error("unknown argument: `#[contract]` takes `events(EventType, ...)`"))
        }
    });
    syn::parse::Parser::parse2(parser, attr)?;
    let mut block: ItemImpl = syn::parse2(item).map_err(|error| {
        syn::Error::new(error.span(), "`#[contract]` goes on an `impl` block: `#[contract] impl MyContract { ... }`")
    })?;
    if let Some((_, path, _)) = &block.trait_ {
        return Err(syn::Error::new(path.span(), "`#[contract]` goes on an inherent `impl`, not a trait's"));
    }
    if !block.generics.params.is_empty() {
        return Err(syn::Error::new(block.generics.span(), "a contract cannot be generic"));
    }
    let mut methods = Vec::new();
    for item in &mut block.items {
        if let ImplItem::Fn(function) = item
            && let Some(method) = method(function)?
        {
            methods.push(method);
        }
    }
    if methods.is_empty() {
        return Err(syn::Error::new(block.self_ty.span(), "a contract needs at least one `pub fn` method"));
    }
    let mut seen = std::collections::HashSet::new();
    for method in &methods {
        if !seen.insert(&method.name) {
            return Err(syn::Error::new(method.ident.span(), format!("two methods are named `{}`", method.name)));
        }
    }

    let self_ty = &block.self_ty;
    let exports = methods.iter().map(|method| export(self_ty, method));
    let abi_methods = methods.iter().map(abi_method);
    let abi_events = events.iter().map(|event| {
        quote_spanned! {event.span()=>
            ::baals_sdk::schema::Event {
                topic: <#event as ::baals_sdk::Event>::TOPIC,
                fields: <#event as ::baals_sdk::Event>::FIELDS,
            }
        }
    });
    let mut error_types: Vec<TokenStream2> = Vec::new();
    let mut error_names = std::collections::HashSet::new();
    for method in &methods {
        if let Returns::Result { err, .. } = &method.returns
            && error_names.insert(quote!(#err).to_string())
        {
            error_types.push(quote_spanned!(err.span()=> <#err as ::baals_sdk::ContractError>::ERRORS));
        }
    }
    if methods.iter().any(|method| !method.query && !method.payable) {
        error_types.push(quote!(::baals_sdk::__private::NOT_PAYABLE));
    }

    Ok(quote! {
        #block

        impl #self_ty {
            /// The contract's ABI, built from its methods' signatures.
            pub const ABI: ::baals_sdk::schema::Contract = ::baals_sdk::schema::Contract {
                name: ::core::env!("CARGO_PKG_NAME"),
                version: ::core::env!("CARGO_PKG_VERSION"),
                methods: &[#(#abi_methods),*],
                events: &[#(#abi_events),*],
                errors: &[#(#error_types),*],
            };

            /// The contract's ABI as JSON (`docs/abi-json.md`): the module's `baals.abi` section.
            pub const ABI_JSON: &'static str = {
                const LEN: usize = ::baals_sdk::schema::json_len(&<#self_ty>::ABI);
                const JSON: [u8; LEN] = ::baals_sdk::schema::json::<LEN>(&<#self_ty>::ABI);
                match ::core::str::from_utf8(&JSON) {
                    ::core::result::Result::Ok(json) => json,
                    ::core::result::Result::Err(_) => ::core::panic!("the ABI's JSON is UTF-8"),
                }
            };
        }

        // A static with a link section becomes that custom section on wasm32 whether or not
        // anything uses it; no `#[used]`, which would copy the JSON into the data segment too.
        #[cfg(target_arch = "wasm32")]
        const _: () = {
            const LEN: usize = ::baals_sdk::schema::json_len(&<#self_ty>::ABI);
            #[allow(dead_code)]
            #[unsafe(link_section = "baals.abi")]
            static ABI: [u8; LEN] = ::baals_sdk::schema::json::<LEN>(&<#self_ty>::ABI);
            #(#exports)*
        };
    })
}

/// The method a `pub fn` declares (its `#[query]` and `#[payable]` taken off), or `None` for a
/// helper.
fn method(function: &mut syn::ImplItemFn) -> syn::Result<Option<Method>> {
    let mut query = None;
    let mut payable = None;
    let mut kept = Vec::new();
    for attr in function.attrs.drain(..) {
        if attr.path().is_ident("query") {
            attr.meta.require_path_only()?;
            query = Some(attr);
        } else if attr.path().is_ident("payable") {
            attr.meta.require_path_only()?;
            payable = Some(attr);
        } else {
            kept.push(attr);
        }
    }
    function.attrs = kept;
    let signature = &function.sig;
    if !matches!(function.vis, Visibility::Public(_)) {
        if let Some(marker) = query.as_ref().or(payable.as_ref()) {
            return Err(syn::Error::new(marker.span(), "only a `pub fn` is a method: make it `pub`"));
        }
        return Ok(None);
    }
    if let (Some(_), Some(marker)) = (&query, &payable) {
        return Err(syn::Error::new(marker.span(), "a `#[query]` cannot accept value: it changes nothing"));
    }
    if let Some(asyncness) = signature.asyncness {
        return Err(syn::Error::new(asyncness.span(), "a method cannot be `async`"));
    }
    if let Some(unsafety) = signature.unsafety {
        return Err(syn::Error::new(unsafety.span(), "a method cannot be `unsafe`"));
    }
    if !signature.generics.params.is_empty() {
        return Err(syn::Error::new(signature.generics.span(), "a method cannot be generic: its ABI types are fixed"));
    }
    let mut inputs = Vec::new();
    for input in &signature.inputs {
        match input {
            FnArg::Receiver(receiver) => {
                return Err(syn::Error::new(
                    receiver.span(),
                    "a method takes no `self`: a contract keeps its state in storage, each call is a fresh instance",
                ));
            }
            FnArg::Typed(typed) => match &*typed.pat {
                Pat::Ident(ident) if ident.by_ref.is_none() && ident.subpat.is_none() => {
                    inputs.push((unraw(&ident.ident), (*typed.ty).clone()));
                }
                other => {
                    return Err(syn::Error::new(
                        other.span(),
                        "an input is a plain name (the ABI names each input): `amount: u64`",
                    ));
                }
            },
        }
    }
    let returns = match &signature.output {
        ReturnType::Default => Returns::Nothing,
        ReturnType::Type(_, ty) if is_unit(ty) => Returns::Nothing,
        ReturnType::Type(_, ty) => match result_parts(ty) {
            Some((ok, err)) => Returns::Result { ok: (!is_unit(&ok)).then(|| Box::new(ok)), err: Box::new(err) },
            None => Returns::Value(ty.clone()),
        },
    };
    Ok(Some(Method {
        ident: signature.ident.clone(),
        name: unraw(&signature.ident),
        query: query.is_some(),
        payable: payable.is_some(),
        inputs,
        returns,
    }))
}

fn unraw(ident: &syn::Ident) -> String {
    let name = ident.to_string();
    name.strip_prefix("r#").map(str::to_string).unwrap_or(name)
}

fn is_unit(ty: &Type) -> bool {
    matches!(ty, Type::Tuple(tuple) if tuple.elems.is_empty())
}

/// `T` and `E` of a type spelled `Result<T, E>`.
fn result_parts(ty: &Type) -> Option<(Type, Type)> {
    let Type::Path(path) = ty else { return None };
    let last = path.path.segments.last()?;
    if last.ident != "Result" {
        return None;
    }
    let PathArguments::AngleBracketed(arguments) = &last.arguments else { return None };
    let mut types = arguments.args.iter().filter_map(|argument| match argument {
        GenericArgument::Type(ty) => Some(ty.clone()),
        _ => None,
    });
    match (types.next(), types.next(), types.next()) {
        (Some(ok), Some(err), None) => Some((ok, err)),
        _ => None,
    }
}

/// The export of a method: decodes the input, refuses value unless payable, calls the function
/// and writes its output or reverts with its error.
fn export(self_ty: &Type, method: &Method) -> TokenStream2 {
    let name = &method.name;
    let ident = &method.ident;
    let export = format_ident!("__baals_export_{}", method.name);
    let args: Vec<_> = (0..method.inputs.len()).map(|i| format_ident!("__input_{i}")).collect();
    let types: Vec<_> = method.inputs.iter().map(|(_, ty)| ty).collect();
    let refuse_value = (!method.query && !method.payable).then(|| quote!(::baals_sdk::__private::refuse_value();));
    let call = quote!(<#self_ty>::#ident(#(#args),*));
    let finish = match &method.returns {
        Returns::Nothing => quote!(#call;),
        Returns::Value(_) => quote!(::baals_sdk::output(&#call);),
        Returns::Result { ok, .. } => {
            let ok = match ok {
                Some(_) => quote!(::baals_sdk::output(&value)),
                None => quote!(let () = value;),
            };
            quote! {
                match #call {
                    ::core::result::Result::Ok(value) => { #ok }
                    ::core::result::Result::Err(error) => ::baals_sdk::__private::revert_with(&error),
                }
            }
        }
    };
    quote! {
        #[unsafe(export_name = #name)]
        extern "C" fn #export() {
            #refuse_value
            let (#(#args,)*): (#(#types,)*) = ::baals_sdk::args();
            #finish
        }
    }
}

fn abi_method(method: &Method) -> TokenStream2 {
    let name = &method.name;
    let kind = if method.query { quote!(Query) } else { quote!(Call) };
    let payable = method.payable;
    let inputs = method.inputs.iter().map(|(name, ty)| field(name, ty));
    let output = match &method.returns {
        Returns::Nothing | Returns::Result { ok: None, .. } => quote!(::core::option::Option::None),
        Returns::Value(ty) | Returns::Result { ok: Some(ty), .. } => {
            let ty = abi_type(ty);
            quote!(::core::option::Option::Some(#ty))
        }
    };
    quote! {
        ::baals_sdk::schema::Method {
            name: #name,
            kind: ::baals_sdk::schema::Kind::#kind,
            payable: #payable,
            inputs: &[#(#inputs),*],
            output: #output,
        }
    }
}

fn field(name: &str, ty: &Type) -> TokenStream2 {
    let ty = abi_type(ty);
    quote!(::baals_sdk::schema::Field { name: #name, ty: #ty })
}

/// The ABI type of a Rust type, as a `&'static schema::Type` constant expression. `Address`
/// is written out (it is an alias of `[u8; 32]`, whose own ABI type is an array), and so are
/// the `Vec`, `Option` and arrays around it; anything else is its `AbiType`, with the error
/// at the type when it has none.
fn abi_type(ty: &Type) -> TokenStream2 {
    match ty {
        Type::Paren(inner) => abi_type(&inner.elem),
        Type::Group(inner) => abi_type(&inner.elem),
        Type::Array(array) => {
            let element = abi_type(&array.elem);
            let len = &array.len;
            quote!(&::baals_sdk::schema::Type::Array(#element, ::baals_sdk::__private::array_len(#len)))
        }
        Type::Path(path) if path.qself.is_none() => {
            let last = path.path.segments.last().expect("a path has a segment");
            let single = match &last.arguments {
                PathArguments::AngleBracketed(arguments) if arguments.args.len() == 1 => match &arguments.args[0] {
                    GenericArgument::Type(inner) => Some(inner),
                    _ => None,
                },
                _ => None,
            };
            match (last.ident.to_string().as_str(), single) {
                ("Address", None) if last.arguments.is_none() => quote!(&::baals_sdk::schema::Type::Address),
                ("Vec", Some(inner)) => {
                    let inner = abi_type(inner);
                    quote!(&::baals_sdk::schema::Type::vec_of(#inner))
                }
                ("Option", Some(inner)) => {
                    let inner = abi_type(inner);
                    quote!(&::baals_sdk::schema::Type::Option(#inner))
                }
                _ => quote_spanned!(ty.span()=> <#ty as ::baals_sdk::schema::AbiType>::TYPE),
            }
        }
        _ => quote_spanned!(ty.span()=> <#ty as ::baals_sdk::schema::AbiType>::TYPE),
    }
}

/// A struct's named fields, or an error naming what else it is.
fn named_fields<'a>(input: &'a DeriveInput, what: &str) -> syn::Result<Vec<&'a syn::Field>> {
    if !input.generics.params.is_empty() {
        return Err(syn::Error::new(
            input.generics.span(),
            format!("{what} cannot be generic: its ABI types are fixed"),
        ));
    }
    match &input.data {
        Data::Struct(data) => match &data.fields {
            Fields::Named(fields) => Ok(fields.named.iter().collect()),
            Fields::Unit => Ok(Vec::new()),
            Fields::Unnamed(fields) => {
                Err(syn::Error::new(fields.span(), format!("{what} needs named fields: the ABI names each field")))
            }
        },
        Data::Enum(data) => Err(syn::Error::new(
            data.enum_token.span(),
            format!("{what} is a struct: ABI v1 has no enums (an error enum derives `ContractError`)"),
        )),
        Data::Union(data) => Err(syn::Error::new(data.union_token.span(), format!("{what} is a struct, not a union"))),
    }
}

/// `Encode` and `Decode` of a struct: its fields in order.
fn codec(name: &syn::Ident, fields: &[&syn::Field]) -> TokenStream2 {
    let idents: Vec<_> = fields.iter().map(|field| field.ident.as_ref().expect("named")).collect();
    let types: Vec<_> = fields.iter().map(|field| &field.ty).collect();
    quote! {
        impl ::baals_sdk::abi::Encode for #name {
            fn encode(&self, out: &mut ::baals_sdk::abi::__private::Vec<u8>) {
                let _ = &out;
                #(::baals_sdk::abi::Encode::encode(&self.#idents, out);)*
            }
        }

        impl ::baals_sdk::abi::Decode for #name {
            const MIN_LEN: usize = 0usize #(.saturating_add(<#types as ::baals_sdk::abi::Decode>::MIN_LEN))*;

            fn decode(input: &mut &[u8]) -> ::core::result::Result<Self, ::baals_sdk::abi::DecodeError> {
                let _ = &input;
                // Struct expression fields are evaluated in the order written: the fields' order.
                ::core::result::Result::Ok(Self { #(#idents: ::baals_sdk::abi::Decode::decode(input)?,)* })
            }
        }
    }
}

fn schema_fields(fields: &[&syn::Field]) -> Vec<TokenStream2> {
    fields.iter().map(|f| field(&unraw(f.ident.as_ref().expect("named")), &f.ty)).collect()
}

fn expand_abi(input: TokenStream2) -> syn::Result<TokenStream2> {
    let input: DeriveInput = syn::parse2(input)?;
    let fields = named_fields(&input, "an `Abi` type")?;
    let name = &input.ident;
    let codec = codec(name, &fields);
    let schema = schema_fields(&fields);
    Ok(quote! {
        #codec

        impl ::baals_sdk::schema::AbiType for #name {
            const TYPE: &'static ::baals_sdk::schema::Type = &::baals_sdk::schema::Type::Struct(&[#(#schema),*]);
        }
    })
}

fn expand_event(input: TokenStream2) -> syn::Result<TokenStream2> {
    let input: DeriveInput = syn::parse2(input)?;
    let fields = named_fields(&input, "an `Event`")?;
    let name = &input.ident;
    let mut topic = None;
    for attr in input.attrs.iter().filter(|attr| attr.path().is_ident("event")) {
        attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("topic") {
                let value: LitStr = meta.value()?.parse()?;
                if value.value().is_empty() {
                    return Err(syn::Error::new(value.span(), "an event's topic cannot be empty"));
                }
                topic = Some(value.value());
                Ok(())
            } else {
                Err(meta.error("unknown argument: `#[event]` takes `topic = \"...\"`"))
            }
        })?;
    }
    let topic = topic.unwrap_or_else(|| snake_case(&name.to_string()));
    let codec = codec(name, &fields);
    let schema = schema_fields(&fields);
    Ok(quote! {
        #codec

        impl ::baals_sdk::Event for #name {
            const TOPIC: &'static str = #topic;
            const FIELDS: &'static [::baals_sdk::schema::Field] = &[#(#schema),*];
        }
    })
}

fn expand_contract_error(input: TokenStream2) -> syn::Result<TokenStream2> {
    let input: DeriveInput = syn::parse2(input)?;
    if !input.generics.params.is_empty() {
        return Err(syn::Error::new(input.generics.span(), "a `ContractError` cannot be generic"));
    }
    let Data::Enum(data) = &input.data else {
        return Err(syn::Error::new(input.ident.span(), "a `ContractError` is an enum of unit variants"));
    };
    let mut names = Vec::new();
    let mut messages = Vec::new();
    let mut variants = Vec::new();
    for variant in &data.variants {
        if !matches!(variant.fields, Fields::Unit) {
            return Err(syn::Error::new(
                variant.fields.span(),
                "an error variant carries no data: its revert message is fixed, so the ABI can name it",
            ));
        }
        let name = snake_case(&variant.ident.to_string());
        let message = message(&variant.attrs)?.unwrap_or_else(|| name.replace('_', " "));
        names.push(name);
        messages.push(message);
        variants.push(&variant.ident);
    }
    if variants.is_empty() {
        return Err(syn::Error::new(input.ident.span(), "a `ContractError` needs at least one variant"));
    }
    let name = &input.ident;
    Ok(quote! {
        impl ::baals_sdk::ContractError for #name {
            const ERRORS: &'static [::baals_sdk::schema::Error] =
                &[#(::baals_sdk::schema::Error { name: #names, message: #messages }),*];

            fn message(&self) -> &'static str {
                match self {
                    #(Self::#variants => #messages,)*
                }
            }
        }
    })
}

/// The message of `#[error("...")]`, if the variant has one.
fn message(attrs: &[Attribute]) -> syn::Result<Option<String>> {
    let mut found = None;
    for attr in attrs.iter().filter(|attr| attr.path().is_ident("error")) {
        let message: LitStr = attr.parse_args().map_err(|error| {
            syn::Error::new(error.span(), "`#[error(\"...\")]` takes the revert message as a string")
        })?;
        if message.value().is_empty() {
            return Err(syn::Error::new(message.span(), "a revert message cannot be empty"));
        }
        found = Some(message.value());
    }
    Ok(found)
}

/// `InsufficientBalance` -> `insufficient_balance`.
fn snake_case(name: &str) -> String {
    let mut out = String::new();
    for (i, c) in name.chars().enumerate() {
        if c.is_uppercase() {
            if i > 0 {
                out.push('_');
            }
            out.extend(c.to_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(result: syn::Result<TokenStream2>) -> String {
        match result {
            Ok(tokens) => panic!("expected an error, got {tokens}"),
            Err(error) => error.to_string(),
        }
    }

    fn contract(attr: TokenStream2, item: TokenStream2) -> syn::Result<TokenStream2> {
        expand_contract(attr, item)
    }

    #[test]
    fn misuse_is_refused_with_a_reason() {
        let cases = [
            (quote!(), quote!(impl T { pub fn f(&self) {} }), "a method takes no `self`"),
            (quote!(), quote!(impl T { pub async fn f() {} }), "a method cannot be `async`"),
            (quote!(), quote!(impl T { pub fn f<X>(x: X) {} }), "a method cannot be generic"),
            (quote!(), quote!(impl T { pub fn f((a, b): (u8, u8)) {} }), "an input is a plain name"),
            (quote!(), quote!(impl T { #[query] #[payable] pub fn f() {} }), "a `#[query]` cannot accept value"),
            (quote!(), quote!(impl T { #[query] fn f() {} }), "only a `pub fn` is a method"),
            (quote!(), quote!(impl T { fn helper() {} }), "at least one `pub fn`"),
            (quote!(), quote!(impl T { pub fn f() {} pub fn r#f() {} }), "two methods are named `f`"),
            (quote!(), quote!(impl X for T { pub fn f() {} }), "not a trait's"),
            (
                quote!(),
                quote!(
                    fn f() {}
                ),
                "goes on an `impl` block",
            ),
            (quote!(storage(X)), quote!(impl T { pub fn f() {} }), "takes `events(EventType, ...)`"),
            (quote!(), quote!(impl T { #[query(x)] pub fn f() {} }), "unexpected token"),
        ];
        for (attr, item, expected) in cases {
            let message = error(contract(attr, item.clone()));
            assert!(message.contains(expected), "{item}: {message}");
        }
    }

    #[test]
    fn derives_refuse_what_the_abi_cannot_say() {
        assert!(
            error(expand_abi(quote!(
                struct P(u8);
            )))
            .contains("needs named fields")
        );
        assert!(
            error(expand_abi(quote!(
                enum E {
                    A,
                }
            )))
            .contains("ABI v1 has no enums")
        );
        assert!(
            error(expand_abi(quote!(
                struct P<T> {
                    t: T,
                }
            )))
            .contains("cannot be generic")
        );
        assert!(
            error(expand_event(quote!(
                #[event(topic = "")]
                struct E;
            )))
            .contains("topic cannot be empty")
        );
        assert!(
            error(expand_event(quote!(
                #[event(name = "x")]
                struct E;
            )))
            .contains("takes `topic")
        );
        assert!(
            error(expand_contract_error(quote!(
                enum E {
                    A(u8),
                }
            )))
            .contains("carries no data")
        );
        assert!(
            error(expand_contract_error(quote!(
                struct E;
            )))
            .contains("an enum of unit variants")
        );
        assert!(
            error(expand_contract_error(quote!(
                enum E {
                    #[error(3)]
                    A,
                }
            )))
            .contains("takes the revert message")
        );
    }

    #[test]
    fn names_are_snake_case_and_messages_default_to_their_words() {
        assert_eq!(snake_case("InsufficientBalance"), "insufficient_balance");
        assert_eq!(snake_case("Mint"), "mint");
        let tokens = expand_contract_error(quote!(
            enum E {
                ZeroTransfer,
                #[error("no funds")]
                Empty,
            }
        ))
        .unwrap();
        let text = tokens.to_string();
        assert!(text.contains(r#"name : "zero_transfer" , message : "zero transfer""#), "{text}");
        assert!(text.contains(r#"name : "empty" , message : "no funds""#), "{text}");
    }

    #[test]
    fn a_method_decodes_its_inputs_refuses_value_and_reverts_with_its_error() {
        let tokens = contract(
            quote!(events(Transfer)),
            quote!(impl Token {
                pub fn transfer(to: Address, amount: u64) -> Result<(), TokenError> { Ok(()) }
                #[query] pub fn balance_of(account: Address) -> u64 { 0 }
                #[payable] pub fn deposit() {}
                fn helper() {}
            }),
        )
        .unwrap()
        .to_string();
        // Markers are consumed; the helper stays a plain function.
        assert!(!tokens.contains("# [query]") && !tokens.contains("# [payable]"), "{tokens}");
        assert!(tokens.contains("fn helper"));
        for export in ["transfer", "balance_of", "deposit"] {
            assert!(tokens.contains(&format!("export_name = \"{export}\"")), "{tokens}");
        }
        assert!(!tokens.contains("export_name = \"helper\""));
        // Only the non-payable call refuses value: once, in `transfer`'s export.
        assert_eq!(tokens.matches("refuse_value").count(), 1, "{tokens}");
        assert!(tokens.contains("revert_with (& error)"));
        assert!(tokens.contains("schema :: Type :: Address"));
        assert!(tokens.contains("< TokenError as :: baals_sdk :: ContractError > :: ERRORS"));
        assert!(tokens.contains("< Transfer as :: baals_sdk :: Event > :: TOPIC"));
    }
}
