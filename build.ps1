#!/usr/bin/env pwsh
<#
.SYNOPSIS
    Builds, tests, packs and benchmarks pstm.

.DESCRIPTION
    Runs one or more tasks in order. Needs only the .NET SDK: run it through the PowerShell tool
    pinned in dotnet-tools.json, so that no PowerShell has to be installed first:

        dotnet tool restore && dotnet pwsh ./build.ps1 Test

.PARAMETER Task
    Editions  build the shipped plan's editions into dist/ (installs Chromium with apt-get if none is found)
    Validate  check the shipped plan (plan/) with pstm validate
    Build     build the solution
    Test      run every test project (golden files strict; set PSTM_UPDATE_GOLDEN=1 to refresh them);
              the PDF tests need Chromium, installed as for Editions; zsh, fish and gettext
              (msgfmt, msgmerge) are installed with apt-get where missing
    Format    check that the code is formatted as .editorconfig says
    Pack      pack pstm as a .NET tool into artifacts/packages
    Publish   publish pstm for this machine, self-contained and compiled ahead of time with the .NET libraries
              (composite ReadyToRun), into artifacts/pstm
    Release   every edition into artifacts/release as a release (pstm build --release VERSION: files named
              PLAN_LOCALE_KIND_VERSION), dated by the last commit (SOURCE_DATE_EPOCH), with --strict translations,
              manifest.json and SHA256SUMS of every file; VERSION is -Version, else pstm's own
    Bench     publish pstm, then time it as whole processes with tools/Pstm.Bench (validate 1x to 1000x,
              cold full builds 1x and 20x, no-op build, watch rebuild; pandoc + WeasyPrint, Chromium's
              bare print on the same content, and the floor: the headless shell printing pstm's own four HTML
              files two at a time, when installed): medians, peak memory, the targets of issues 7 and 15,
              written to artifacts/bench/results.md and results.json
    MicroBench  run the BenchmarkDotNet micro-benchmarks (bench/Pstm.Benchmarks: load, validate, coverage,
              translate, booklet and slides HTML) as a short job; reports in artifacts/microbench
    Clean     remove build outputs and artifacts

.EXAMPLE
    dotnet pwsh ./build.ps1 Build Test
.EXAMPLE
    dotnet pwsh ./build.ps1 Bench -Runs 9
.EXAMPLE
    dotnet pwsh ./build.ps1 Bench -Runs 3 -Only validate,noop
#>
[CmdletBinding()]
param(
    [Parameter(Position = 0, ValueFromRemainingArguments = $true)]
    [ValidateSet('Editions', 'Validate', 'Build', 'Test', 'Format', 'Pack', 'Publish', 'Release', 'Bench', 'MicroBench', 'Clean')]
    [string[]] $Task = @('Build'),

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',

    # How many times Bench runs each measurement.
    [int] $Runs = 5,

    # Bench: only these scenarios or groups (validate, build, noop, watch, peers), comma-separated.
    [string] $Only = '',

    # Release: the release's version, which its file names carry (default: pstm's version, from git through MinVer).
    [string] $Version = ''
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$Root = $PSScriptRoot
$Solution = Join-Path $Root 'pstm-cli.sln'
$Cli = Join-Path $Root 'src/Pstm.Cli/Pstm.Cli.csproj'
$Artifacts = Join-Path $Root 'artifacts'
$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'
$env:DOTNET_NOLOGO = '1'

if ([Console]::IsOutputRedirected) { $PSStyle.OutputRendering = 'PlainText' }

# Runs a native command and stops the build when it fails. Uses $args, not parameters, so that
# options such as -c reach the command instead of binding to this function.
function Invoke-Native {
    $command, $arguments = $args
    Write-Host "> $command $($arguments -join ' ')" -ForegroundColor DarkGray
    & $command @arguments
    if ($LASTEXITCODE -ne 0) { throw "'$command $($arguments -join ' ')' failed with exit code $LASTEXITCODE" }
}

# Whether packages can be installed here: apt-get, as root or through sudo.
function Test-AptGet {
    $IsLinux -and (Get-Command apt-get -ErrorAction SilentlyContinue) -and (((id -u) -eq '0') -or (Get-Command sudo -ErrorAction SilentlyContinue))
}

# apt-get, as root or through sudo, with the package lists updated once. $args, as in Invoke-Native:
# options such as -qq reach apt-get.
function Invoke-AptGet {
    $env:DEBIAN_FRONTEND = 'noninteractive'
    [string[]]$aptGet = if ((id -u) -eq '0') { @('apt-get') } else { @('sudo', '--preserve-env=DEBIAN_FRONTEND', 'apt-get') }
    if (-not $script:AptUpdated) {
        Invoke-Native @aptGet update -qq
        $script:AptUpdated = $true
    }
    Invoke-Native @aptGet @args
}

# The tests also run the shells whose completion scripts pstm prints (bash, zsh, fish; PowerShell is the
# local tool) and GNU gettext's msgfmt and msgmerge on the PO files: installed where missing.
function Install-TestTools {
    $missing = @(@{ Command = 'zsh'; Package = 'zsh' }, @{ Command = 'fish'; Package = 'fish' }, @{ Command = 'msgfmt'; Package = 'gettext' } |
        Where-Object { -not (Get-Command $_.Command -ErrorAction SilentlyContinue) } | ForEach-Object Package)
    if (-not $missing) { return }
    if (-not (Test-AptGet)) { throw "The tests need $($missing -join ', '): install them (Debian: apt-get install $($missing -join ' '))." }
    Write-Host "Installing what the tests run: $($missing -join ', ')" -ForegroundColor Yellow
    Invoke-AptGet install -y -qq @missing
}

# pstm prints PDFs with a Chromium-based browser. Where none is found, install Debian's Chromium headless
# shell (what pstm prefers: no desktop browser around it) on a machine that has apt-get (as root, or
# through sudo); elsewhere, say what to install.
function Install-Browser {
    if ($env:PSTM_BROWSER -and (Test-Path $env:PSTM_BROWSER)) { return }
    $known = @('/usr/bin/chromium-headless-shell', '/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium', '/usr/bin/google-chrome-stable',
        '/usr/bin/google-chrome', '/opt/google/chrome/chrome', '/usr/bin/microsoft-edge', '/opt/microsoft/msedge/msedge',
        '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', '/Applications/Chromium.app/Contents/MacOS/Chromium',
        '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge')
    if ($IsWindows) {
        $known = foreach ($root in @($env:ProgramFiles, ${env:ProgramFiles(x86)}, $env:LOCALAPPDATA) | Where-Object { $_ }) {
            Join-Path $root 'Google\Chrome\Application\chrome.exe'
            Join-Path $root 'Microsoft\Edge\Application\msedge.exe'
        }
    }
    if ($known | Where-Object { Test-Path $_ }) { return }
    if (Test-AptGet) {
        Write-Host 'No Chromium found: installing Debian''s chromium-headless-shell with apt-get' -ForegroundColor Yellow
        # Distributions without the headless shell (Ubuntu) get the desktop Chromium.
        try { Invoke-AptGet install -y -qq chromium-headless-shell }
        catch { Invoke-AptGet install -y -qq chromium }
        return
    }
    throw 'No Chromium, Chrome or Edge found: install one (Debian: apt-get install chromium-headless-shell), or set PSTM_BROWSER to its path.'
}

function Invoke-Editions {
    Install-Browser
    Invoke-Native dotnet run --project $Cli -c $Configuration '--' build (Join-Path $Root 'plan') --out (Join-Path $Root 'dist')
}

function Invoke-Build {
    Invoke-Native dotnet build $Solution -c $Configuration
}

function Invoke-Validate {
    Invoke-Native dotnet run --project $Cli -c $Configuration '--' validate (Join-Path $Root 'plan')
}

function Invoke-Test {
    Install-Browser
    Install-TestTools
    Invoke-Native dotnet test $Solution -c $Configuration
}

function Invoke-Format {
    Invoke-Native dotnet format $Solution --verify-no-changes
}

function Invoke-Pack {
    Invoke-Native dotnet pack $Cli -c $Configuration -o (Join-Path $Artifacts 'packages')
}

# ReadyToRun code starts without waiting for the JIT: a third less time for a run of a second or two.
# Self-contained and composite, pstm and the .NET libraries are compiled together, so that the generic
# code pstm instantiates from them (collections, System.Text.Json, async state machines) is compiled
# ahead of time too: a cold build JIT-compiles about 1,300 methods instead of 4,200. The folder holds its own
# runtime (about 180 MB); the .NET tool (Pack) stays framework-dependent.
function Invoke-Publish {
    $rid = [System.Runtime.InteropServices.RuntimeInformation]::RuntimeIdentifier
    $out = Join-Path $Artifacts 'pstm'
    if (Test-Path $out) { Remove-Item $out -Recurse -Force }
    Invoke-Native dotnet publish $Cli -c Release -r $rid --self-contained true '-p:PublishReadyToRun=true' '-p:PublishReadyToRunComposite=true' -o $out
}

# The release: reproducible (the same commit gives the same bytes), strict about translations, and
# described by a manifest and checksums that can be published beside the PDFs.
function Invoke-Release {
    Install-Browser
    $env:SOURCE_DATE_EPOCH = (& git -C $Root log -1 --format=%ct).Trim()
    $release = Join-Path $Artifacts 'release'
    if (Test-Path $release) { Remove-Item $release -Recurse -Force }
    $releaseVersion = if ($Version) { $Version } else { (& dotnet run --project $Cli -c Release -- --version | Select-Object -Last 1).Trim() }
    Invoke-Native dotnet run --project $Cli -c Release -- build (Join-Path $Root 'plan') --out $release --strict --release $releaseVersion
    Write-Host "release $releaseVersion in $release (SOURCE_DATE_EPOCH=$env:SOURCE_DATE_EPOCH)"
}

function Invoke-Clean {
    foreach ($folder in @($Artifacts) + (Get-ChildItem $Root -Recurse -Directory -Include bin, obj | ForEach-Object FullName)) {
        if (Test-Path $folder) { Remove-Item $folder -Recurse -Force }
    }
}

# Whole-process timings: what an editor waits for, start-up included, beside the peers on the same
# content (issue 7). tools/Pstm.Bench prints the table and writes artifacts/bench/results.md and .json.
function Invoke-Bench {
    Invoke-Publish
    $harness = Join-Path $Root 'tools/Pstm.Bench/Pstm.Bench.csproj'
    Invoke-Native dotnet build $harness -c Release
    Install-Browser
    # Build servers left by the steps above would compete for the two cores.
    & dotnet build-server shutdown *> $null
    $pstm = Join-Path $Artifacts ($IsWindows ? 'pstm/pstm.exe' : 'pstm/pstm')
    $arguments = @('--pstm', $pstm, '--runs', $Runs, '--work', (Join-Path $Artifacts 'bench'), '--plan', (Join-Path $Root 'plan'))
    if ($Only) { $arguments += @('--only', $Only) }
    # '--' quoted: bare, PowerShell would take it as the end of Invoke-Native's own parameters.
    Invoke-Native dotnet run --no-build --project $harness -c Release '--' @arguments
}

# In-process micro-benchmarks of the stages before the browser; a short job, enough to compare changes.
function Invoke-MicroBench {
    Invoke-Native dotnet run --project (Join-Path $Root 'bench/Pstm.Benchmarks/Pstm.Benchmarks.csproj') -c Release '--' --job short --artifacts (Join-Path $Artifacts 'microbench')
}

foreach ($name in $Task) {
    Write-Host "== $name" -ForegroundColor Cyan
    & "Invoke-$name"
}
