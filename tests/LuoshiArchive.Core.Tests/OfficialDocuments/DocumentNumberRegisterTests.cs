using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.OfficialDocuments;

namespace LuoshiArchive.Core.Tests.OfficialDocuments;

/// <summary>The 发文字号 register: one sequence per 机关代字 and year, never a number twice, voided numbers kept.</summary>
public sealed class DocumentNumberRegisterTests : IDisposable
{
    private readonly TempStorage _storage = new(new DateOnly(2018, 6, 15));
    // Numbers taken with no document are signed off by whoever takes them: an administrator here (see the refusal below).
    private readonly Actor _office = new("办公室", UserRole.Admin);

    public void Dispose() => _storage.Dispose();

    [Fact]
    public void A_number_for_no_document_is_refused_to_whoever_may_not_sign_off()
    {
        var supervisor = new Actor("督查科王", UserRole.OfficeSupervisor);
        var refused = Assert.Throws<AccessDeniedException>(() => _storage.Numbers.Next("津教委", 2018, null, supervisor));
        Assert.Equal(DocumentNumberRegister.NotSignedOff, refused.Message);
        Assert.Empty(_storage.Numbers.List(2018));
        Assert.Single(_storage.Audit.Find(action: "access.denied"));
    }

    [Fact]
    public void Each_prefix_and_year_counts_from_one()
    {
        Assert.Equal("津教委〔2018〕1号", _storage.Numbers.Next("津教委", 2018, null, _office).Number);
        Assert.Equal("津教委〔2018〕2号", _storage.Numbers.Next("津教委", 2018, null, _office).Number);
        Assert.Equal("津教委办〔2018〕1号", _storage.Numbers.Next("津教委办", 2018, null, _office).Number);
        Assert.Equal("津教委〔2019〕1号", _storage.Numbers.Next("津教委", 2019, null, _office).Number);
    }

    [Fact]
    public async Task Two_hundred_allocations_at_once_from_eight_threads_are_all_different_and_consecutive()
    {
        var numbers = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => Task.Run(() => _storage.Numbers.Next("津教委", 2018, null, _office).Sequence)));
        Assert.Equal(Enumerable.Range(1, 200), numbers.Order());
    }

    [Fact]
    public void A_voided_number_stays_voided_and_is_never_given_again()
    {
        var first = _storage.Numbers.Next("津教委", 2018, null, _office);
        _storage.Numbers.Void("津教委[2018]1号", "文件撤回", _office);
        Assert.Equal("津教委〔2018〕2号", _storage.Numbers.Next("津教委", 2018, null, _office).Number);
        var voided = _storage.Numbers.List(2018).Single(n => n.Id == first.Id);
        Assert.Equal("文件撤回", voided.VoidReason);
        Assert.NotNull(voided.VoidedAt);
        Assert.Contains("已作废", Assert.Throws<DomainRuleException>(() => _storage.Numbers.Claim(new DocumentNumber("津教委", 2018, 1), null, _office)).Message);
        Assert.Contains("已被使用", Assert.Throws<DomainRuleException>(() => _storage.Numbers.Claim(new DocumentNumber("津教委", 2018, 2), null, _office)).Message);
        Assert.Throws<DomainRuleException>(() => _storage.Numbers.Void("津教委〔2018〕9号", "x", _office));
    }

    [Fact]
    public void Only_roles_that_issue_documents_take_numbers()
    {
        Assert.Throws<AccessDeniedException>(() => _storage.Numbers.Next("津教委", 2018, null, new Actor("处室", UserRole.DepartmentUser, 1)));
        Assert.Throws<AccessDeniedException>(() => _storage.Numbers.Next("津教委", 2018, null, new Actor("领导", UserRole.Leader)));
        Assert.Empty(_storage.Numbers.List());
    }
}
