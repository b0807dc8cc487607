#!/usr/bin/perl
# vask-dnc.pl: an agent's "do not call" disposition in VICIdial, passed on to vask at once
# (POST /v1/reservations), so that no campaign of the centre washes the number through again.
#
# As a VICIdial Dispo Call URL (Admin > Campaigns > Dispo Call URL), installed as a CGI script
# on the VICIdial web server:
#   http://vicidial.example/vask/vask-dnc.pl?phone=--A--phone_number--B--&dispo=--A--dispo--B--&user=--A--user--B--&campaign=--A--campaign--B--
# or from the command line:
#   vask-dnc.pl --phone 91234567 --dispo DNC --user agent17
#
# Only the dispositions in --dispos / VASK_DNC_DISPOS (default DNC,DNCL) are sent; others are
# ignored. The number goes on the centre's own list (VASK_LIST=centre, the default: norm
# 4.4.4) or on a client's (VASK_LIST=client:<id>). Settings: VASK_URL, VASK_KEY.
# Exit status (command line): 0 recorded or ignored, 1 refused or failed.
use strict;
use warnings;
use Getopt::Long;
use HTTP::Tiny;
use JSON::PP;

my %o = (
    url => $ENV{VASK_URL} || 'http://127.0.0.1:8080',
    key => $ENV{VASK_KEY} || '',
    list => $ENV{VASK_LIST} || 'centre',
    dispos => $ENV{VASK_DNC_DISPOS} || 'DNC,DNCL',
);
my $cgi = defined $ENV{GATEWAY_INTERFACE};
if ($cgi) {
    for my $pair (split /[&;]/, $ENV{QUERY_STRING} || '') {
        my ($k, $v) = split /=/, $pair, 2;
        next unless defined $k;
        for ($k, $v) { next unless defined; tr/+/ /; s/%([0-9A-Fa-f]{2})/chr(hex($1))/ge }
        $o{$k} = $v;
    }
} else {
    GetOptions(map { ("$_=s" => \$o{$_}) } qw(url key list dispos phone dispo user campaign))
        or die "usage: $0 --phone N --dispo DNC --user AGENT\n";
}

sub answer {
    my ($ok, $text) = @_;
    if ($cgi) {
        print "Status: " . ($ok ? '200 OK' : '502 Bad Gateway') . "\r\nContent-Type: text/plain\r\n\r\n$text\n";
        exit 0;
    }
    print STDERR "vask-dnc: $text\n";
    exit($ok ? 0 : 1);
}

answer(0, 'VASK_KEY is not set') unless $o{key};
answer(0, 'no phone number given') unless $o{phone};
my $dispo = uc($o{dispo} || '');
answer(1, "disposition $dispo is not a do-not-call disposition; nothing sent")
    unless grep { $_ eq $dispo } split /\s*,\s*/, uc $o{dispos};

my %body = (
    number => $o{phone},
    actor => 'vicidial:' . ($o{user} || 'unknown'),
    reason => "VICIdial disposition $dispo" . ($o{campaign} ? " in campaign $o{campaign}" : ''),
);
if ($o{list} =~ /^client:(.+)$/) { $body{client_id} = $1 } else { $body{centre} = JSON::PP::true }
my $r = HTTP::Tiny->new(timeout => 10, agent => 'vask-vicidial/1')->request(
    'POST', "$o{url}/v1/reservations",
    {
        headers => { authorization => "Bearer $o{key}", 'content-type' => 'application/json' },
        content => encode_json(\%body),
    },
);
my $answer = eval { decode_json($r->{content}) } || {};
answer(0, "vask refused ($r->{status}): " . ($answer->{message} || $r->{content} || $r->{reason}))
    unless $r->{success};
answer(1, "recorded $answer->{normalised} (seq $answer->{seq})");
