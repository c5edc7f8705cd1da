"""The ``mandat`` command: parses arguments, asks :mod:`graph.queries`, prints.

Heavy modules (rdflib, networkx, pyshacl, pyvis, rich) are imported only by
the commands that use them.
"""

from __future__ import annotations

import os
import sys
from functools import wraps

import click

from graph import __version__
from graph.errors import MandatError

FORMATS = ("table", "json", "csv")


class Context:
    """What the global options chose: data folders, store and label language."""

    def __init__(self, data: tuple[str, ...], lang: str, store_spec: str | None = None):
        self.data, self.lang, self.store_spec = data, lang, store_spec

    def store(self):
        from graph.stores import open_store

        return open_store(self.store_spec, self.data)

    def catalog(self):
        """The lookup every question asks through, on the chosen store."""
        from graph.queries.lookup import Lookup

        return Lookup(self.store())


def set_global(attr: str):
    """A callback that puts a global option given after the subcommand into the Context."""
    def callback(ctx, param, value):
        if value not in (None, ()):
            setattr(ctx.find_object(Context), attr, value)
    return callback


GLOBAL_OPTIONS = (
    click.Option(["--data"], multiple=True, metavar="DIR", expose_value=False, callback=set_global("data"),
                 help="Global option (also before the command): folder of Turtle files instead of the shipped data."),
    click.Option(["--lang"], type=click.Choice(["id", "en"]), expose_value=False, callback=set_global("lang"),
                 help="Global option (also before the command): language of labels [default: id]."),
    click.Option(["--store", "store_spec"], metavar="STORE", expose_value=False, callback=set_global("store_spec"),
                 help="Global option (also before the command): memory, oxigraph:PATH or sparql:URL."),
)


class GlobalOptionsGroup(click.Group):
    """Gives every command the global options, so they work after the command name too."""

    def add_command(self, cmd, name=None):
        if not isinstance(cmd, click.Group):
            taken = {opt for p in cmd.params for opt in p.opts}
            cmd.params.extend(o for o in GLOBAL_OPTIONS if not set(o.opts) & taken)
        super().add_command(cmd, name)


class MandatGroup(GlobalOptionsGroup):
    """Turns every MandatError into one line on stderr and its exit code."""

    def invoke(self, ctx):
        try:
            result = super().invoke(ctx)
            sys.stdout.flush()  # a full disk behind stdout fails here, not at exit
            return result
        except MandatError as err:
            click.echo(f"mandat: error: {err}", err=True)
            sys.exit(err.exit_code)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except BrokenPipeError:  # output piped into head and closed early
            sys.stderr.close()
            sys.exit(0)
        except KeyboardInterrupt:
            click.echo("mandat: interrupted", err=True)
            sys.exit(130)
        except OSError as err:  # the system refused a read or write the user asked for
            where = err.filename or "standard output"
            click.echo(f"mandat: error: {where}: {err.strerror or err}; nothing more was written", err=True)
            sys.exit(1)
        except Exception as err:  # a bug, but still one line for the user
            if os.environ.get("MANDAT_DEBUG"):
                raise
            click.echo(f"mandat: internal error: {type(err).__name__}: {err} "
                       "(set MANDAT_DEBUG=1 for the traceback)", err=True)
            sys.exit(3)


def question(func):
    """Add ``--as-of`` and ``--format`` to a question command."""

    @click.option("--as-of", "as_of", metavar="YYYY-MM-DD", help="Answer as things stood on this date [default: today].")
    @click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
                  help="Output format.")
    @click.pass_obj
    @wraps(func)
    def wrapper(obj, *args, **kwargs):
        return func(obj, *args, **kwargs)

    return wrapper


def day_of(cat, as_of):
    from graph.resolve import parse_day

    return parse_day(as_of, cat)


def date_range(cat, start, end):
    """``--from`` and ``--to`` as dates, the first strictly before the second."""
    from graph.errors import InputError

    d1, d2 = day_of(cat, start), day_of(cat, end)
    if d2 <= d1:
        raise InputError(f"--to {d2} is not after --from {d1}; give the earlier date to --from")
    return d1, d2


def emit(answer, sections, fmt):
    from graph.output import emit as _emit

    _emit(answer, sections, fmt)


@click.group(cls=MandatGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--data", "data", multiple=True, metavar="DIR",
              help="Folder of Turtle files to use instead of the shipped data (repeatable). "
                   "The ontology is always loaded.")
@click.option("--lang", type=click.Choice(["id", "en"]), default="id", show_default=True,
              help="Language of labels in the output.")
@click.option("--store", "store_spec", metavar="STORE", envvar="MANDAT_STORE",
              help="memory (default), oxigraph:PATH or sparql:URL. Also $MANDAT_STORE.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]),
              help="Output format for the command that follows (each command also takes --format).")
@click.version_option(__version__, "-V", "--version", prog_name="mandat")
@click.pass_context
def main(ctx, data, lang, store_spec, fmt):
    """mandat: who holds which TPPO mandate in Indonesian government, and since when.

    NAME, STEP and REGION accept an IRI (md:kanim-batulicin), a label in
    Indonesian or English, an abbreviation (Kanim Batulicin, Kemenkumham,
    Kalsel) or a near miss. The global options --data, --lang, --store and
    --format may stand before the command or after it.
    """
    ctx.obj = Context(data, lang, store_spec)
    if fmt:
        ctx.default_map = {name: {"fmt": fmt} for name, cmd in main.commands.items()
                           if any(p.name == "fmt" for p in cmd.params)}


@main.command()
@click.argument("text")
@click.option("--limit", default=10, show_default=True, type=click.IntRange(1, 200))
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
@click.pass_obj
def search(obj, text, limit, fmt):
    """Find agencies, people, steps, regulations and regions by name (fuzzy)."""
    from graph.queries.search import search as run
    from graph.render import search_sections

    answer = run(obj.catalog(), text, obj.lang, limit)
    emit(answer, search_sections(answer, obj.lang, fmt), fmt)


@main.command()
@click.argument("name")
@question
def show(obj, name, as_of, fmt):
    """The card of an agency, regulation, region, TPPO step or person at a date.

    An agency's card has its parent, head and responsibilities (for a
    dissolved office: its last day, with the dissolution and successors); a
    regulation's what it amends and the mandates resting on it; a region's
    parent, regions and agencies; a step's handovers and responsible agencies;
    a person's posts.
    """
    from graph.queries.show import card
    from graph.render import card_sections
    from graph.queries.common import ended
    from graph.resolve import resolve

    cat = obj.catalog()
    day = day_of(cat, as_of)
    iri = resolve(cat, name, {"agency", "regulation", "region", "step", "person"}, obj.lang, day)
    gone = ended(cat, iri, day, obj.lang) if cat.entities[iri].kind == "agency" else None
    if gone:
        click.echo(gone, err=True)
    answer = card(cat, iri, day, obj.lang)
    emit(answer, card_sections(answer, obj.lang, fmt), fmt)


@main.command()
@click.argument("name")
@question
def chain(obj, name, as_of, fmt):
    """The reporting chain from a unit up to the top at a date."""
    from graph.queries.chain import chain as run
    from graph.render import chain_sections
    from graph.resolve import resolve

    cat = obj.catalog()
    day = day_of(cat, as_of)
    iri = resolve(cat, name, {"agency"}, obj.lang, day)
    answer = run(cat, iri, day, obj.lang)
    emit(answer, chain_sections(answer, obj.lang, fmt), fmt)


@main.command()
@click.argument("name")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
@click.pass_obj
def history(obj, name, fmt):
    """A unit's timeline: created, renamed, moved, dissolved, parents, heads."""
    from graph.queries.history import history as run
    from graph.render import history_sections
    from graph.resolve import resolve

    cat = obj.catalog()
    answer = run(cat, resolve(cat, name, {"agency"}, obj.lang), obj.lang)
    emit(answer, history_sections(answer, obj.lang, fmt), fmt)


@main.command()
@click.option("--from", "start", required=True, metavar="YYYY-MM-DD", help="The earlier date.")
@click.option("--to", "end", required=True, metavar="YYYY-MM-DD", help="The later date.")
@click.option("--under", metavar="NAME", help="Only units under this agency (on either date).")
@click.option("--region", metavar="REGION", help="Only agencies serving this region or a region inside it.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
@click.pass_obj
def diff(obj, start, end, under, region, fmt):
    """What changed between two dates: created, dissolved, renamed, moved."""
    from graph.queries.diff import diff as run
    from graph.render import diff_sections
    from graph.resolve import resolve

    cat = obj.catalog()
    d1, d2 = date_range(cat, start, end)
    root = resolve(cat, under, {"agency"}, obj.lang) if under else None
    region_iri = resolve(cat, region, {"region"}, obj.lang) if region else None
    answer = run(cat, d1, d2, root, obj.lang, region_iri)
    emit(answer, diff_sections(answer, obj.lang, fmt), fmt)


@main.command()
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
@click.pass_obj
def steps(obj, fmt):
    """The TPPO handling steps in order, with their handovers."""
    from graph.queries.steps import steps as run
    from graph.render import steps_sections

    answer = run(obj.catalog(), obj.lang)
    emit(answer, steps_sections(answer, obj.lang, fmt), fmt)


@main.command("who-handles")
@click.argument("step")
@click.option("--region", metavar="REGION", help="Province or regency/city; nearest jurisdiction first.")
@question
def who_handles(obj, step, region, as_of, fmt):
    """Lead and support agencies for a TPPO step, with legal basis and sources."""
    from graph.queries.who_handles import who_handles as run
    from graph.render import who_sections
    from graph.resolve import resolve

    cat = obj.catalog()
    step_iri = resolve(cat, step, {"step"}, obj.lang)
    region_iri = resolve(cat, region, {"region"}, obj.lang) if region else None
    answer = run(cat, step_iri, day_of(cat, as_of), region_iri, obj.lang)
    emit(answer, who_sections(answer, obj.lang, fmt), fmt)


@main.command()
@click.option("--region", "regions", multiple=True, metavar="REGION",
              help="Province or regency/city (repeatable) [default: every one in the data].")
@click.option("--kind", "kinds", multiple=True, type=click.Choice(
    ["uncovered-step", "unknown-coverage", "unlinked-handover", "stale-mandate", "orphan-unit", "conflicting-leads",
     "weak-basis", "single-point-of-failure"]), help="Only these kinds of gap (repeatable).")
@click.option("--max-leads", default=6, show_default=True, type=click.IntRange(1, 100),
              help="An agency leading more steps than this in a region is a single point of failure.")
@click.option("--fail-on", type=click.Choice(["high", "medium", "low"]),
              help="Exit 1 when a finding at or above this severity exists (with a what-if or --compare: appeared).")
@click.option("--all", "show_all", is_flag=True, help="Show every finding in the table, not only the top 20.")
@click.option("--without", multiple=True, metavar="NAME",
              help="What if this agency were dissolved on --as-of, its responsibilities and seats gone (repeatable).")
@click.option("--with-link", "with_links", multiple=True, nargs=2, metavar="NAME NAME",
              help="What if these two agencies had an agreement (repeatable).")
@click.option("--compare", nargs=2, metavar="D1 D2", help="Findings that appeared or were resolved from D1 to D2.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write to this file [default: stdout].")
@click.option("--as-of", "as_of", metavar="YYYY-MM-DD", help="Answer as things stood on this date [default: today].")
@click.option("--format", "fmt", type=click.Choice(FORMATS + ("html",)), default="table", show_default=True,
              help="Output format; html is a printable report for one --region.")
@click.pass_obj
def gaps(obj, regions, kinds, max_leads, fail_on, show_all, without, with_links, compare, output, as_of, fmt):
    """Coordination gaps for planners, ranked: uncovered steps, holes in the data, unlinked handovers, ...

    With --without / --with-link, what would change (nothing is written); with --compare, what changed.
    """
    from graph.errors import InputError
    from graph.queries import gaps as q
    from graph.resolve import resolve

    cat = obj.catalog()
    day = day_of(cat, as_of)
    if compare and (without or with_links):
        raise InputError("give --compare, or --without / --with-link, not both")
    if fmt == "html" and len(regions) != 1:
        raise InputError("--format html is a report on one region: give exactly one --region")
    region_iris = [resolve(cat, r, {"region"}, obj.lang) for r in regions] or None
    settings = {"kinds": kinds or None, "lang": obj.lang, "max_leads": max_leads}

    def agency(name):
        return resolve(cat, name, {"agency"}, obj.lang, day)

    change = None
    if compare:
        change = q.between(cat, day_of(cat, compare[0]), day_of(cat, compare[1]), region_iris, **settings)
    elif without or with_links:
        change = q.what_if(cat, day, region_iris, [agency(n) for n in without],
                           [(agency(a), agency(b)) for a, b in with_links], **settings)
    answer = q.gaps(cat, day, region_iris, **settings) if change is None or fmt == "html" else None
    write_answer(output, lambda out: gaps_output(obj, cat, day, region_iris, answer, change, fmt, show_all, out))
    if fail_on and q.at_or_above(answer if change is None else change["appeared"], fail_on):
        sys.exit(1)


def write_answer(output, write) -> None:
    """Call ``write(stream)`` on stdout, or on a file replaced in one step."""
    if not output:
        write(sys.stdout)
        return
    from graph.safeio import atomic_path

    with atomic_path(output) as tmp, open(tmp, "w", encoding="utf-8") as stream:
        write(stream)


def gaps_output(obj, cat, day, region_iris, answer, change, fmt, show_all, out) -> None:
    """The gaps answer in ``fmt``: the report, the what-if / comparison, or the ranked findings."""
    from graph.output import emit as emit_to
    from graph.render import gaps_report, gaps_sections, whatif_sections

    if fmt == "html":
        from graph.views.matrix import matrix

        region = region_iris[0]
        heading = f"TPPO — {cat.label(region, obj.lang)} — {day}"
        out.write(gaps_report(answer, matrix(cat, region, day, obj.lang), change, heading, obj.lang))
    elif change is not None:
        emit_to(change, whatif_sections(change, obj.lang, fmt), fmt, out)
    else:
        emit_to(answer, gaps_sections(answer, obj.lang, fmt, show_all), fmt, out)


@main.command()
@click.option("--region", "regions", multiple=True, metavar="REGION",
              help="Province or regency/city (repeatable) [default: every one in the data].")
@question
def coverage(obj, regions, as_of, fmt):
    """What the data holds per region: kinds of actor held and missing, steps it cannot vouch for."""
    from graph.queries.coverage import coverage as run
    from graph.render import coverage_sections
    from graph.resolve import resolve

    cat = obj.catalog()
    region_iris = [resolve(cat, r, {"region"}, obj.lang) for r in regions] or None
    answer = run(cat, day_of(cat, as_of), region_iris, obj.lang)
    emit(answer, coverage_sections(answer, obj.lang, fmt), fmt)


@main.command()
@click.argument("query", required=False)
@click.option("-f", "--file", "query_file", type=click.Path(dir_okay=False), help="Read the query from a .rq file.")
@click.option("--timeout", default=30.0, show_default=True, type=click.FloatRange(min=0.1), metavar="SECONDS",
              help="Stop the query after this long.")
@click.option("--max-rows", default=10000, show_default=True, type=click.IntRange(1),
              help="Refuse answers with more rows than this (add a LIMIT).")
@click.option("--allow-service", is_flag=True, help="Allow SERVICE calls to other endpoints.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
@click.pass_obj
def sparql(obj, query, query_file, timeout, max_rows, allow_service, fmt):
    """Run a read-only SPARQL query (SELECT, ASK, CONSTRUCT, DESCRIBE) over the graph.

    Prefixes md:, mandat:, org:, skos:, time:, dct:, eli:, prov:, foaf: are predeclared.
    """
    from graph.errors import InputError
    from graph.output import Section

    if bool(query) == bool(query_file):
        raise InputError("give either a QUERY or -f FILE.rq, not both or neither")
    if query_file:
        try:
            with open(query_file, encoding="utf-8") as handle:
                query = handle.read()
        except (OSError, UnicodeDecodeError) as err:
            raise InputError(f"{query_file}: cannot read the query ({err})") from None
    from graph.queries.sparql import bounded, check_read_only

    check_read_only(query, allow_service)
    store = obj.store()
    store.prepare()
    answer = bounded(lambda: store.query(query, max_rows), timeout)
    if answer["type"] == "graph":
        click.echo(answer["turtle"])
        return
    if answer["type"] == "ASK":
        emit(answer, [Section(None, ["ask"], [[str(answer["boolean"]).lower()]])], fmt)
        return
    emit(answer["rows"], [Section(None, answer["vars"],
                                  [[r[v] or "" for v in answer["vars"]] for r in answer["rows"]])], fmt)


@main.command()
@click.option("--format", "fmt", type=click.Choice(["ttl", "nt", "jsonld", "graphml", "gexf", "csv"]),
              default="ttl", show_default=True)
@click.option("-o", "--output", type=click.Path(), help="Write to this file (default: stdout).")
@click.pass_obj
def export(obj, fmt, output):
    """The graph for other tools: Turtle, N-Triples, JSON-LD, GraphML/GEXF (Gephi), CSV edges."""
    from graph.queries.export import export as run
    from graph.safeio import atomic_path

    cat = obj.catalog()
    if output:
        with atomic_path(output) as tmp, open(tmp, "wb") as stream:
            run(cat, obj.store(), fmt, stream, obj.lang)
    else:
        stream = sys.stdout.buffer
        run(cat, obj.store(), fmt, stream, obj.lang)
        stream.flush()


@main.command()
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
@click.pass_obj
def stats(obj, fmt):
    """What the dataset covers: counts per kind, and how many facts are weak or unverified."""
    from graph.queries.stats import stats as run
    from graph.render import stats_sections

    answer = run(obj.catalog(), obj.lang)
    emit(answer, stats_sections(answer, obj.lang, fmt), fmt)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
@click.pass_obj
def validate(obj, paths, fmt):
    """Check the ontology and data: SHACL shapes, SPARQL checks, integrity over time.

    With PATHs (files or folders), checks the ontology plus those files.
    Exit 0 when clean (warnings allowed), 1 when problems were found, 2 when
    a file cannot be read.
    """
    from graph import loading as store
    from graph.output import Section
    from graph.validate import validate as run

    files = store.ontology_files() + store.data_files(paths or obj.data)
    report = run(files, store.shapes_file())
    if fmt == "table":
        for problem in report.problems:
            click.echo(problem.line())
    else:
        rows = [[p.severity, p.check, p.file, p.node, p.label, p.message] for p in report.problems]
        emit([p.as_dict() for p in report.problems],
             [Section(None, ["severity", "check", "file", "node", "label", "message"], rows)], fmt)
    warnings = len(report.problems) - len(report.errors)
    click.echo(f"{len(report.errors)} problem(s), {warnings} warning(s) in {report.files} files "
               f"({report.triples} triples) in {report.seconds:.2f} s", err=fmt != "table")
    if report.errors:
        sys.exit(1)


@main.command()
@click.option("--as-of", "as_of", metavar="YYYY-MM-DD", help="'Now' for the tour [default: today].")
@click.pass_obj
def tour(obj, as_of):
    """A short tour of the headline questions on the shipped data (what `make run` shows)."""
    from graph.output import write_table
    from graph.tour import tour as run

    cat = obj.catalog()
    for heading, sections in run(cat, day_of(cat, as_of), obj.lang):
        click.secho(f"\n== {heading}", bold=True)
        write_table(sections, sys.stdout)


@main.command()
@click.argument("files", nargs=-1, type=click.Path(exists=True, dir_okay=False))
@click.pass_obj
def load(obj, files):
    """Put the ontology and data (or FILES) into the --store (oxigraph:PATH or sparql:URL)."""
    import time

    from rich.progress import Progress

    from graph import loading as stores

    target = obj.store()
    paths = stores.ontology_files() + stores.data_files(files or obj.data)
    start = time.perf_counter()
    with Progress(transient=True) as progress:
        task = progress.add_task(f"loading into {target.spec}", total=len(paths))
        count = target.load(paths, lambda path: progress.advance(task))
    click.echo(f"{target.spec}: {count} triples from {len(paths)} files in {time.perf_counter() - start:.1f} s")


@main.command()
@click.argument("files", nargs=-1, type=click.Path(exists=True, dir_okay=False))
@click.option("--apply", "review_file", type=click.Path(exists=True, dir_okay=False),
              help="Merge a reviewed file into the data folder (only if validate passes on the result).")
@click.option("--url", help="The article's address (overrides a '# source:' line).")
@click.option("--date", "day", metavar="YYYY[-MM[-DD]]", help="The article's date (overrides a '# date:' line).")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "ttl"]), default="table", show_default=True)
@click.option("-o", "--output", type=click.Path(), help="Write the review Turtle to this file.")
@click.pass_obj
def ingest(obj, files, review_file, url, day, fmt, output):
    """Read Indonesian articles (text or HTML) into candidate facts for review, or --apply a review."""
    from graph.errors import InputError
    from graph.ingest import extract, read_article

    if review_file:
        from pathlib import Path

        from graph import loading as store
        from graph.ingest.apply import apply_review

        folder = Path(obj.data[0]) if obj.data else store.resource_dir("data")
        target, used = apply_review(review_file, folder, store.all_files(obj.data), store.shapes_file())
        click.echo(f"{target}: {used} candidate(s) merged; validate passed")
        return
    if not files:
        raise InputError("give one or more article FILES, or --apply REVIEW.ttl")
    if day and not real_day(day):
        raise InputError(f"--date '{day}' is not a date; write it as YYYY-MM-DD (or YYYY-MM, YYYY), e.g. 2024-10-21")
    from graph.ingest.review import HEADER, write_review
    from graph.output import Section
    from graph.safeio import atomic_path

    cat = obj.catalog()
    read, answers = [], []
    for path in files:
        text, meta = read_article(path)
        meta.update({k: v for k, v in (("url", url), ("date", day)) if v})
        result = extract(text, cat, meta)
        if not any(result[k] for k in ("organizations", "persons", "events", "regulations", "figures")):
            click.echo(f"warning: {path}: nothing found (is it an Indonesian article?)", err=True)
        answers.append(public(result))
        if fmt == "ttl" or output:
            read.append((result, text))
    if output:
        with atomic_path(output) as tmp, open(tmp, "w", encoding="utf-8") as handle:
            write_review(read, handle, cat, HEADER)
    answer = answers[0] if len(answers) == 1 else answers
    if fmt == "ttl":
        write_review(read, click.get_text_stream("stdout"), cat)
    elif fmt == "json":            # one write: json.dump's many small writes cost seconds on a long article
        import json

        click.echo(json.dumps(answer, ensure_ascii=False, indent=2, default=str))
    else:
        for result in answers:
            emit(result, [Section("Instansi / organizations", ["text", "iri"],
                                  [[o["text"], o["iri"] or ""] for o in result["organizations"]]),
                          Section("Orang / persons", ["name", "post", "organization"],
                                  [[p["name"], p["post"], p["organization"] or ""] for p in result["persons"]]),
                          Section("Kegiatan / events", ["kind", "date", "place"],
                                  [[e["kind"], e["date"] or "", e["place"] or ""] for e in result["events"]]),
                          Section("Peraturan / regulations", ["text", "iri"],
                                  [[r["text"], r["iri"] or ""] for r in result["regulations"]]),
                          Section("Angka / figures", ["value", "counts"],
                                  [[str(f["value"]), f["counts"]] for f in result["figures"]])], "table")


def real_day(text: str) -> bool:
    """True for a calendar date written YYYY, YYYY-MM or YYYY-MM-DD (2025-02-30 is not one)."""
    import re
    from datetime import date

    if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", text):
        return False
    year, month, dayn = (text.split("-") + ["01", "01"])[:3]
    try:
        date(int(year), int(month), int(dayn))
    except ValueError:
        return False
    return True


def public(result: dict) -> dict:
    """The JSON shape of an ingest answer (offsets kept, sentence spans dropped)."""
    def strip(items):
        return [{k: v for k, v in item.items() if k != "sentence"} for item in items]
    return {"source": result["source"], **{k: strip(result[k]) for k in
            ("organizations", "persons", "events", "regulations", "figures")}}


@main.group(cls=GlobalOptionsGroup)
def view():
    """Interactive HTML views (offline, one file): org, diff, process, coordination, matrix."""


def view_options(func):
    """-o/--output and --open for every view."""
    func = click.option("--open", "open_it", is_flag=True, help="Open the page in the browser.")(func)
    return click.option("-o", "--output", type=click.Path(),
                        help="HTML file to write [default: out/VIEW.html].")(func)


def finish_view(obj, cat, day, net_legend, output, heading, note, open_it):
    from graph.views import page_extras
    from graph.views.page import write_page

    net, legend = net_legend
    write_page(net, output, heading, legend, note, obj.lang, page_extras(cat, net, day, obj.lang))
    click.echo(f"{output}: {len(net.nodes)} nodes, {len(net.edges)} edges")
    if open_it:
        import webbrowser

        webbrowser.open(f"file://{os.path.abspath(output)}")


@view.command("org")
@click.argument("root", required=False)
@click.option("--as-of", "as_of", metavar="YYYY-MM-DD", help="The date [default: today].")
@click.option("--depth", type=click.IntRange(1, 20), help="Levels below ROOT to show.")
@click.option("--region", metavar="REGION", help="Only the units serving this province or regency/city.")
@view_options
@click.pass_obj
def view_org(obj, root, as_of, depth, region, output, open_it):
    """The hierarchy under ROOT (default: the President): a collapsible tree with a date slider."""
    from graph.resolve import resolve
    from graph.views.org import org_view

    cat = obj.catalog()
    day = day_of(cat, as_of)
    root_iri = resolve(cat, root, {"agency"}, obj.lang, day) if root else "https://w3id.org/mandat/id/presiden"
    region_iri = resolve(cat, region, {"region"}, obj.lang) if region else None
    heading = f"{cat.label(root_iri, obj.lang)} — {day}"
    finish_view(obj, cat, day, org_view(cat, root_iri, day, depth, obj.lang, region_iri), output or "out/org.html",
                heading, "", open_it)


@view.command("diff")
@click.argument("root", required=False)
@click.option("--from", "start", required=True, metavar="YYYY-MM-DD")
@click.option("--to", "end", required=True, metavar="YYYY-MM-DD")
@click.option("--region", metavar="REGION", help="Only the units serving this province or regency/city, each drawn "
              "on its own (without it, many alike units are one node).")
@view_options
@click.pass_obj
def view_diff(obj, root, start, end, region, output, open_it):
    """The restructuring between two dates under ROOT (default: the President)."""
    from graph.resolve import resolve
    from graph.views.diff import diff_view

    cat = obj.catalog()
    d1, d2 = date_range(cat, start, end)
    root_iri = resolve(cat, root, {"agency"}, obj.lang) if root else "https://w3id.org/mandat/id/presiden"
    region_iri = resolve(cat, region, {"region"}, obj.lang) if region else None
    heading = f"{cat.label(root_iri, obj.lang)}: {d1} → {d2}" + (f" — {cat.label(region_iri, obj.lang)}"
                                                                  if region_iri else "")
    finish_view(obj, cat, d2, diff_view(cat, d1, d2, root_iri, obj.lang, region_iri), output or "out/diff.html",
                heading, "", open_it)


def region_view(obj, builder, region, as_of, output, open_it, name: str, prefix: str = "") -> None:
    """Shared body of the views drawn for a region at a date."""
    from graph.resolve import resolve

    cat = obj.catalog()
    day = day_of(cat, as_of)
    region_iri = resolve(cat, region, {"region"}, obj.lang) if region else None
    heading = f"{prefix}{cat.label(region_iri, obj.lang) or 'Indonesia'} — {day}"
    finish_view(obj, cat, day, builder(cat, region_iri, day, obj.lang), output or f"out/{name}.html", heading, "",
                open_it)


@view.command("process")
@click.option("--region", metavar="REGION", help="Province or regency/city.")
@click.option("--as-of", "as_of", metavar="YYYY-MM-DD", help="The date [default: today].")
@view_options
@click.pass_obj
def view_process(obj, region, as_of, output, open_it):
    """The TPPO steps left to right with their handovers and who leads and supports each."""
    from graph.views.process import process_view

    region_view(obj, process_view, region, as_of, output, open_it, "process", "TPPO — ")


@view.command("coordination")
@click.option("--region", metavar="REGION", help="Province or regency/city.")
@click.option("--as-of", "as_of", metavar="YYYY-MM-DD", help="The date [default: today].")
@view_options
@click.pass_obj
def view_coordination(obj, region, as_of, output, open_it):
    """Agencies and their coordination channels, with the gaps findings highlighted."""
    from graph.views.coordination import coordination_view

    region_view(obj, coordination_view, region, as_of, output, open_it, "coordination")


@view.command("matrix")
@click.option("--region", metavar="REGION", required=True, help="Province or regency/city.")
@click.option("--as-of", "as_of", metavar="YYYY-MM-DD", help="The date [default: today].")
@view_options
@click.pass_obj
def view_matrix(obj, region, as_of, output, open_it):
    """Who handles which step: a printable table of leads and supports per level, gaps marked."""
    from graph.resolve import resolve
    from graph.views.matrix import write_matrix

    cat = obj.catalog()
    day = day_of(cat, as_of)
    region_iri = resolve(cat, region, {"region"}, obj.lang)
    output = output or "out/matrix.html"
    answer = write_matrix(cat, region_iri, day, output, f"TPPO — {cat.label(region_iri, obj.lang)} — {day}", obj.lang)
    click.echo(f"{output}: {len(answer['rows'])} steps, {sum(1 for r in answer['rows'] if r['gap'])} uncovered")
    if open_it:
        import webbrowser

        webbrowser.open(f"file://{os.path.abspath(output)}")


if __name__ == "__main__":
    main()
