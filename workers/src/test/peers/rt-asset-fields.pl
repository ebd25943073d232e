# Adds asset custom fields to the "General assets" catalog of the Request Tracker whose database
# TIERZERO_RT_DATABASE names, as an MSP's RT administrator would: TierZero keeps its CI attributes in them.
# Usage: TIERZERO_RT_DATABASE=... perl rt-asset-fields.pl Kind Model OS Site
use strict;
use warnings;
use lib '/usr/share/request-tracker5/lib';
use RT;
RT::LoadConfig();
RT::Init();
my $catalog = RT::Catalog->new(RT->SystemUser);
$catalog->Load('General assets') or die "no catalog 'General assets'\n";
for my $name (@ARGV) {
    my $field = RT::CustomField->new(RT->SystemUser);
    my ($created, $why) = $field->Create(Name => $name, Type => 'FreeformSingle',
                                         LookupType => RT::Asset->CustomFieldLookupType);
    die "$name: $why\n" unless $created;
    my ($added, $reason) = $field->AddToObject($catalog);
    die "$name: $reason\n" unless $added;
}
