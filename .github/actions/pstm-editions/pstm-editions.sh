#!/usr/bin/env bash
# pstm-editions.sh: what the pstm-editions action does in a plan's repository, one step per command, so
# that it runs (and is tested) the same outside GitHub. Each step reads its settings from the environment:
#
#   install            install pstm as a .NET tool (PSTM_TOOL_VERSION, PSTM_TOOL_SOURCE, PSTM_TOOL_PATH), then 'browser'
#   install-tool       install pstm only (a job that prints nothing: assemble, publish)
#   browser            find Chromium, Chrome or Edge (PSTM_BROWSER, then the usual places), or install Debian's
#                      chromium-headless-shell (else chromium) with apt-get; on GitHub, PSTM_BROWSER is kept for later steps
#   locales            the plan's locales as a JSON list, for a matrix: ["it","en"]
#   validate           pstm validate --strict, diagnostics as GitHub annotations
#   build [LOCALE...]  pstm build --release VERSION --strict of these locales (default: PSTM_LOCALES, else every locale)
#                      into PSTM_OUT: a whole release, or one part of it
#   assemble PART...   pstm release assemble of the parts into PSTM_OUT, then pstm release verify
#   publish            on a tag: attach the release to the GitHub release of that tag (gh), with an archive of it
#   version            the release's version this run gives
#
# Settings: PSTM_PLAN (the plan folder; default: . when it holds plan.yaml, else plan), PSTM_OUT (default
# release), PSTM_RELEASE_VERSION (default: the tag without its leading v on a tag, else 0.0.0-dev.COMMIT),
# PSTM_BUILD_ARGS (more options for pstm build, such as --target booklet), PSTM_TOOL_PATH (default
# $RUNNER_TEMP/pstm-tool). GitHub's GITHUB_REF_TYPE, GITHUB_REF_NAME, GITHUB_SHA, GITHUB_PATH and GITHUB_ENV
# are read where set. SOURCE_DATE_EPOCH, when unset, is the plan's last commit time (pstm build --release).
set -euo pipefail

plan=${PSTM_PLAN:-}
if [ -z "$plan" ]; then
  if [ -f plan.yaml ]; then plan=.; else plan=plan; fi
fi
out=${PSTM_OUT:-release}
tool_path=${PSTM_TOOL_PATH:-${RUNNER_TEMP:-${TMPDIR:-/tmp}}/pstm-tool}

say() { printf 'pstm-editions: %s\n' "$*" >&2; }
fail() { say "$*"; exit 1; }

# pstm: the tool installed by 'install', else one on PATH.
pstm() {
  if [ -x "$tool_path/pstm" ]; then "$tool_path/pstm" "$@"
  elif command -v pstm >/dev/null 2>&1; then command pstm "$@"
  else fail "pstm is not installed: run 'pstm-editions.sh install' first"; fi
}

release_version() {
  if [ -n "${PSTM_RELEASE_VERSION:-}" ]; then
    printf '%s\n' "$PSTM_RELEASE_VERSION"
  elif [ "${GITHUB_REF_TYPE:-}" = tag ]; then
    printf '%s\n' "${GITHUB_REF_NAME#v}"
  else
    local commit=${GITHUB_SHA:-$(git -C "$plan" rev-parse HEAD 2>/dev/null || true)}
    if [ -n "$commit" ]; then printf '0.0.0-dev.%s\n' "${commit:0:7}"; else printf '0.0.0-dev\n'; fi
  fi
}

install_tool() {
  command -v dotnet >/dev/null || fail "the .NET SDK is needed to install pstm (actions/setup-dotnet, or https://dot.net)"
  local args=(--tool-path "$tool_path")
  if [ -n "${PSTM_TOOL_VERSION:-}" ]; then args+=(--version "$PSTM_TOOL_VERSION"); fi
  # A source given (a folder with pstm's .nupkg) is enough: a feed that does not answer is no failure then.
  if [ -n "${PSTM_TOOL_SOURCE:-}" ]; then args+=(--add-source "$PSTM_TOOL_SOURCE" --ignore-failed-sources); fi
  if [ -x "$tool_path/pstm" ]; then
    dotnet tool update pstm "${args[@]}" >&2
  else
    dotnet tool install pstm "${args[@]}" >&2
  fi
  if [ -n "${GITHUB_PATH:-}" ]; then printf '%s\n' "$tool_path" >> "$GITHUB_PATH"; fi
  say "pstm $("$tool_path/pstm" --version) in $tool_path"
}

# The places pstm looks in (src/Pstm.Pdf/BrowserLocator.cs), in its order; GitHub's Ubuntu runners have Google Chrome.
find_browser() {
  local candidate
  if [ -n "${PSTM_BROWSER:-}" ]; then
    [ -x "$PSTM_BROWSER" ] || fail "PSTM_BROWSER is $PSTM_BROWSER, which is no executable"
    printf '%s\n' "$PSTM_BROWSER"; return
  fi
  for candidate in /usr/bin/chromium-headless-shell /usr/bin/chromium /usr/bin/chromium-browser /snap/bin/chromium \
      /usr/bin/google-chrome-stable /usr/bin/google-chrome /opt/google/chrome/chrome /usr/bin/microsoft-edge /opt/microsoft/msedge/msedge; do
    if [ -x "$candidate" ]; then printf '%s\n' "$candidate"; return; fi
  done
  return 1
}

browser() {
  local found
  if ! found=$(find_browser); then
    command -v apt-get >/dev/null || fail "no Chromium, Chrome or Edge found, and no apt-get to install one: set PSTM_BROWSER to a browser's path"
    local sudo=()
    if [ "$(id -u)" != 0 ]; then sudo=(sudo --preserve-env=DEBIAN_FRONTEND); fi
    say "no Chromium found: installing Debian's chromium-headless-shell with apt-get"
    export DEBIAN_FRONTEND=noninteractive
    "${sudo[@]}" apt-get update -qq >&2
    "${sudo[@]}" apt-get install -y -qq chromium-headless-shell >&2 || "${sudo[@]}" apt-get install -y -qq chromium >&2
    found=$(find_browser) || fail "the browser was installed but is not where pstm looks: set PSTM_BROWSER"
  fi
  if [ -n "${GITHUB_ENV:-}" ]; then printf 'PSTM_BROWSER=%s\n' "$found" >> "$GITHUB_ENV"; fi
  say "printing with $found"
}

locales() {
  # i18n status --format json: "source" is the plan's language, each "locale" a translated one.
  local json source others
  json=$(pstm i18n status "$plan" --format json --diagnostics-format text) || { printf '%s\n' "$json" >&2; fail "the plan's locales cannot be read"; }
  source=$(printf '%s\n' "$json" | sed -n 's/^  "source": "\([^"]*\)",\{0,1\}$/\1/p')
  others=$(printf '%s\n' "$json" | sed -n 's/^      "locale": "\([^"]*\)",\{0,1\}$/\1/p')
  local list="" locale
  for locale in $source $others; do list+="${list:+,}\"$locale\""; done
  printf '[%s]\n' "$list"
  if [ -n "${GITHUB_OUTPUT:-}" ]; then printf 'locales=[%s]\n' "$list" >> "$GITHUB_OUTPUT"; fi
}

validate() {
  pstm validate "$plan" --strict --format github
}

build() {
  local version args=() locale extra=()
  version=$(release_version)
  # PSTM_LOCALES and PSTM_BUILD_ARGS are lists of words, separated by spaces.
  local wanted=("$@")
  if [ ${#wanted[@]} -eq 0 ] && [ -n "${PSTM_LOCALES:-}" ]; then read -r -a wanted <<< "$PSTM_LOCALES"; fi
  for locale in "${wanted[@]}"; do args+=(--locale "$locale"); done
  if [ -n "${PSTM_BUILD_ARGS:-}" ]; then read -r -a extra <<< "$PSTM_BUILD_ARGS"; fi
  say "building release $version of $plan${wanted[*]:+ (${wanted[*]})} into $out"
  pstm build "$plan" --release "$version" --strict --out "$out" --format github "${args[@]}" "${extra[@]}"
  # The artifact a matrix job uploads its part as: pstm-part-it, or pstm-part-all for every locale.
  local part=${wanted[*]:-all}
  if [ -n "${GITHUB_OUTPUT:-}" ]; then printf 'part=pstm-part-%s\n' "${part// /-}" >> "$GITHUB_OUTPUT"; fi
}

assemble() {
  [ $# -gt 0 ] || fail "assemble needs the parts' folders"
  pstm release assemble "$@" --out "$out" --format github
  pstm release verify "$out" --format github
}

# The value of a top-level string or number of manifest.json, as pstm writes it (two spaces, one member a line).
manifest_value() {
  sed -n "s/^  \"$1\": \"\{0,1\}\([^\",]*\)\"\{0,1\},\{0,1\}\$/\1/p" "$out/manifest.json"
}

publish() {
  if [ "${GITHUB_REF_TYPE:-}" != tag ]; then
    say "not a tag (GITHUB_REF_TYPE=${GITHUB_REF_TYPE:-}): nothing to publish"
    return 0
  fi
  local tag=$GITHUB_REF_NAME plan_id version epoch upload
  pstm release verify "$out" --format github
  plan_id=$(manifest_value plan)
  version=$(manifest_value version)
  epoch=$(manifest_value source_date_epoch)
  if [ -z "$plan_id" ] || [ -z "$version" ] || [ "$version" = null ]; then
    fail "$out/manifest.json names no plan or version: build with --release"
  fi
  upload=$(mktemp -d)
  # The whole release (the booklet's print HTML and its assets too) as one archive, the same bytes for the same release.
  local archive="$upload/${plan_id}_${version}.tar.gz" list="$upload/files"
  { printf '%s\n' manifest.json SHA256SUMS; cut -c67- "$out/SHA256SUMS"; } > "$list"
  local mtime=()
  if [ -n "$epoch" ] && [ "$epoch" != null ]; then mtime=(--mtime="@$epoch"); fi
  tar --sort=name --owner=0 --group=0 --numeric-owner --mode=u=rwX,go=rX --format=gnu "${mtime[@]}" \
    --transform="s,^,${plan_id}_${version}/," -C "$out" --verbatim-files-from -T "$list" -cf - | gzip -9n > "$archive"
  # Beside it, each PDF and deck by its name (plan, locale, kind and version make every name unique), and the manifest and checksums.
  local files=("$out/manifest.json" "$out/SHA256SUMS" "$archive") path
  while IFS= read -r path; do
    case "$path" in
      */assets/*) ;;
      *.pdf|*_slides_*.html) files+=("$out/$path") ;;
    esac
  done < <(cut -c67- "$out/SHA256SUMS")
  if gh release view "$tag" >/dev/null 2>&1; then
    gh release upload "$tag" --clobber "${files[@]}"
  else
    gh release create "$tag" --title "$tag" --generate-notes --verify-tag "${files[@]}"
  fi
  say "attached ${#files[@]} files to release $tag"
}

command=${1:-}
[ $# -gt 0 ] && shift
case "$command" in
  install) install_tool; browser ;;
  install-tool) install_tool ;;
  browser) browser ;;
  locales) locales ;;
  validate) validate ;;
  build) build "$@" ;;
  assemble) assemble "$@" ;;
  publish) publish ;;
  version) release_version ;;
  *) fail "usage: pstm-editions.sh install|install-tool|browser|locales|validate|build [LOCALE...]|assemble PART...|publish|version" ;;
esac
