"""Usage: python3 jsonld_roundtrip.py EXPORT.jsonld...  (needs the PyPI package PyLD)

Expand each file with the Web Annotation JSON-LD context as consumers commonly bundle it
(tests/fixtures/annotation-tests/context/anno.jsonld, served for both the http and the https
IRI; nothing is fetched), compact the result with the same context, and compare it with the
file. Prints one line per file, "same" or the first difference, and exits 1 if any differ.
Also fails when a term expands to a base-relative IRI (a word the context does not define)."""
import json, os, sys
from pyld import jsonld

HERE = os.path.dirname(os.path.abspath(__file__))
CONTEXT_FILE = os.path.join(HERE, '..', 'fixtures', 'annotation-tests', 'context', 'anno.jsonld')
CONTEXT_IRIS = ('http://www.w3.org/ns/anno.jsonld', 'https://www.w3.org/ns/anno.jsonld')
with open(CONTEXT_FILE, encoding='utf-8') as f:
    CONTEXT_DOC = json.load(f)


def loader(url, options=None):
    if url not in CONTEXT_IRIS:
        raise jsonld.JsonLdError('only the bundled Web Annotation context is served', 'loading document failed', {'url': url})
    return {'contextUrl': None, 'documentUrl': url, 'document': CONTEXT_DOC, 'contentType': 'application/ld+json'}


def first_difference(a, b, path='$'):
    if type(a) is not type(b):
        return f'{path}: {json.dumps(a)[:120]} became {json.dumps(b)[:120]}'
    if isinstance(a, dict):
        for k in sorted(set(a) | set(b)):
            if k not in b:
                return f'{path}.{k}: dropped'
            if k not in a:
                return f'{path}.{k}: added ({json.dumps(b[k])[:120]})'
            d = first_difference(a[k], b[k], f'{path}.{k}')
            if d:
                return d
        return None
    if isinstance(a, list):
        if len(a) != len(b):
            return f'{path}: {len(a)} items became {len(b)}'
        for i, (x, y) in enumerate(zip(a, b)):
            d = first_difference(x, y, f'{path}[{i}]')
            if d:
                return d
        return None
    return None if a == b else f'{path}: {json.dumps(a)[:120]} became {json.dumps(b)[:120]}'


def relative_iris(node, out, path='$'):
    """Keys and @type/@id values of the expanded form that are not absolute IRIs."""
    if isinstance(node, dict):
        for k, v in node.items():
            if not k.startswith('@') and ':' not in k:
                out.append(f'{path}: property {k!r}')
            if k in ('@type', '@id'):
                for t in (v if isinstance(v, list) else [v]):
                    if isinstance(t, str) and ':' not in t and not t.startswith('_:'):
                        out.append(f'{path}.{k}: {t!r}')
            relative_iris(v, out, f'{path}.{k}')
    elif isinstance(node, list):
        for i, x in enumerate(node):
            relative_iris(x, out, f'{path}[{i}]')


def main(files):
    options = {'documentLoader': loader}
    bad = 0
    for path in files:
        with open(path, encoding='utf-8') as f:
            doc = json.load(f)
        expanded = jsonld.expand(doc, options)
        rel = []
        relative_iris(expanded, rel)
        back = jsonld.compact(expanded, doc['@context'], options)
        diff = first_difference(doc, back)
        if rel:
            diff = 'expands to a base-relative IRI at ' + rel[0]
        print(f'{os.path.basename(path)}: {"same" if not diff else diff}')
        bad += bool(diff)
    sys.exit(1 if bad else 0)


if __name__ == '__main__':
    main(sys.argv[1:])
