

def test_profile_links_are_real_hyperlinks_with_the_full_address() -> None:
    import io

    import docx

    from cvmaker.adapters.docx_writer import PythonDocxWriter
    from cvmaker.domain.cv import Design
    from cvmaker.domain.sample_cvs import long_cv

    document = long_cv()
    word = docx.Document(io.BytesIO(PythonDocxWriter().write(document, Design())))
    targets = sorted(rel.target_ref for rel in word.part.rels.values() if rel.is_external)
    assert targets == sorted(link.url for link in document.basics.links)
    contact = next(p for p in word.paragraphs if document.basics.email and document.basics.email in p.text)
    assert len(contact.hyperlinks) == len(document.basics.links)
