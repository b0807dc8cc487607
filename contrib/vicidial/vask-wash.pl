#!/usr/bin/perl
# vask-wash.pl: wash a VICIdial lead list with vask before it is loaded or dialled.
#
# Two modes, both through vask's HTTP API (POST /v1/wash), with Perl core modules only
# (HTTP::Tiny, JSON::PP), so it runs on any VICIdial server:
#
#   --file leads.csv  a lead file about to be loaded with VICIdial's lead loader: streamed to
#                     vask as text/csv; the rows vask allows go to --allowed (default
#                     leads.allowed.csv), the blocked ones with their reasons to --blocked
#                     (default leads.blocked.csv). Load only the allowed file.
#   --numbers         phone numbers on standard input, one per line (for example
#                     `mysql -N -e "SELECT phone_number FROM vicidial_list WHERE list_id=101
#                     AND status='NEW'"`), washed in JSON batches of 10 000; prints
#                     `number<TAB>allowed|blocked<TAB>reasons` per number, to be turned into
#                     status updates (see the README's recipe: the hopper filter).
#
# Settings (options or environment): --url VASK_URL (http://127.0.0.1:8080), --key VASK_KEY,
# --client VASK_CLIENT, --purpose VASK_PURPOSE (sales), --category VASK_CATEGORY,
# --source-reference VASK_SOURCE_REFERENCE (required: where the list came from),
# --campaign VASK_CAMPAIGN. Exit status: 0 washed, 1 refused or failed (the message says why).
use strict;
use warnings;
use Getopt::Long;
use HTTP::Tiny;
use JSON::PP;

my %o = (
    url => $ENV{VASK_URL} || 'http://127.0.0.1:8080',
    key => $ENV{VASK_KEY} || '',
    client => $ENV{VASK_CLIENT} || '',
    purpose => $ENV{VASK_PURPOSE} || 'sales',
    category => $ENV{VASK_CATEGORY} || '',
    source_reference => $ENV{VASK_SOURCE_REFERENCE} || '',
    campaign => $ENV{VASK_CAMPAIGN} || 'vicidial',
    batch => 10000,
);
GetOptions(
    'url=s' => \$o{url}, 'key=s' => \$o{key}, 'client=s' => \$o{client},
    'purpose=s' => \$o{purpose}, 'category=s' => \$o{category},
    'source-reference=s' => \$o{source_reference}, 'campaign=s' => \$o{campaign},
    'file=s' => \$o{file}, 'numbers' => \$o{numbers}, 'allowed=s' => \$o{allowed},
    'blocked=s' => \$o{blocked}, 'number-column=s' => \$o{number_column},
    'batch=i' => \$o{batch},
) or die "usage: $0 (--file leads.csv | --numbers) --client C --source-reference R\n";
die "vask-wash: --key or VASK_KEY is required\n" unless $o{key};
die "vask-wash: --client or VASK_CLIENT is required\n" unless $o{client};
die "vask-wash: --source-reference or VASK_SOURCE_REFERENCE is required (norm 4.2 a)\n"
    unless $o{source_reference};

my $http = HTTP::Tiny->new(timeout => 600, agent => 'vask-vicidial/1');
my %auth = (authorization => "Bearer $o{key}");

# A refusal's JSON message, or the transport's.
sub failure {
    my ($r) = @_;
    my $why = eval { decode_json($r->{content})->{message} } || $r->{content} || $r->{reason};
    return "vask refused ($r->{status}): $why\n";
}

if ($o{file}) {
    wash_file();
} elsif ($o{numbers}) {
    wash_numbers();
} else {
    die "vask-wash: give --file leads.csv or --numbers\n";
}

sub wash_file {
    my $file = $o{file};
    (my $stem = $file) =~ s/\.csv$//i;
    my $allowed = $o{allowed} || "$stem.allowed.csv";
    my $blocked = $o{blocked} || "$stem.blocked.csv";
    open(my $in, '<:raw', $file) or die "vask-wash: $file: $!\n";
    open(my $ok, '>:raw', $allowed) or die "vask-wash: $allowed: $!\n";
    open(my $no, '>:raw', $blocked) or die "vask-wash: $blocked: $!\n";
    my %q = (
        client => $o{client}, purpose => $o{purpose}, category => $o{category},
        source_reference => $o{source_reference}, campaign_id => $o{campaign},
    );
    $q{number_column} = $o{number_column} if $o{number_column};
    my $query = $http->www_form_urlencode(\%q);
    # The file is sent in 1 MiB pieces and the answer read as it comes: memory stays small
    # whatever the list's size.
    my $send = sub { my $n = read($in, my $buf, 1 << 20); return $n ? $buf : undef };
    my ($rest, $header, $column) = ('', undef, undef);
    my ($rows_ok, $rows_blocked) = (0, 0);
    my $receive = sub {
        my ($data, $r) = @_;
        return unless $r->{status} == 200;
        $rest .= $data;
        while ($rest =~ s/\A([^\n]*\n)//) {
            my $line = $1;
            if (!defined $header) {
                $header = $line;
                print $ok $line;
                print $no $line;
                next;
            }
            # vask appends vask_verdict,vask_reasons,vask_e164: the verdict is the third
            # field from the end (the last two never hold a comma).
            my ($verdict) = $line =~ /,(allowed|blocked),[^,]*,[^,\n]*\r?\n\z/;
            if (defined $verdict && $verdict eq 'allowed') { print $ok $line; $rows_ok++ }
            else { print $no $line; $rows_blocked++ }
        }
    };
    my $r = $http->request('POST', "$o{url}/v1/wash?$query", {
        headers => { %auth, 'content-type' => 'text/csv', te => 'trailers' },
        content => $send,
        data_callback => sub { my ($d, $r) = @_; $r->{status} == 200 ? $receive->($d, $r) : ($r->{content} .= $d) },
    });
    close($ok); close($no);
    die failure($r) unless $r->{success};
    # The summary arrives after the rows, as HTTP trailers (HTTP::Tiny adds them to headers).
    my $status = $r->{headers}{'x-vask-status'} || '';
    die "vask-wash: the wash failed: " . ($r->{headers}{'x-vask-error'} || 'no summary received') . "\n"
        unless $status eq 'ok';
    printf STDERR "vask-wash: %d allowed (%s), %d blocked (%s); wash id %s\n",
        $rows_ok, $allowed, $rows_blocked, $blocked, $r->{headers}{'x-vask-wash-id'};
}

sub wash_numbers {
    my @batch;
    my $flush = sub {
        return unless @batch;
        my $body = encode_json({
            client_id => $o{client},
            campaign => { purpose => $o{purpose}, product_category => $o{category}, campaign_id => $o{campaign} },
            source_reference => $o{source_reference},
            numbers => [@batch],
        });
        my $r = $http->request('POST', "$o{url}/v1/wash", {
            headers => { %auth, 'content-type' => 'application/json' },
            content => $body,
        });
        die failure($r) unless $r->{success};
        my $answer = decode_json($r->{content});
        for my $i (0 .. $#batch) {
            my $v = $answer->{verdicts}[$i];
            # Blocked: invalid number (1), centre list (2), client list (4), national register (8).
            my $blocked = ($v & 15) ? 'blocked' : 'allowed';
            print join("\t", $batch[$i], $blocked, join('|', @{ $answer->{reasons}[$i] })), "\n";
        }
        print STDERR "vask-wash: washed " . scalar(@batch) . " numbers; wash id $answer->{wash_id}\n";
        @batch = ();
    };
    while (my $line = <STDIN>) {
        $line =~ s/[\r\n]+\z//;
        next if $line eq '';
        push @batch, $line;
        $flush->() if @batch >= $o{batch};
    }
    $flush->();
}
